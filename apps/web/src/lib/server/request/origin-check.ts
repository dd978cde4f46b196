/**
 * The CSRF rule, in one place: a state-changing request must come from the app's own origin.
 *
 * Browsers attach the session cookie to requests that other sites trigger (forms, fetch with
 * `credentials`, even same-site pages on another port), but they always say where such a request comes
 * from: `Origin` on every cross-origin POST/PUT/PATCH/DELETE, and `Sec-Fetch-Site` in every current
 * browser. So the request's Origin must be one of ours; without Origin, Sec-Fetch-Site must say
 * `same-origin` (or `none`: the user typed it). A request with neither header did not come from a browser
 * a page could drive (curl, the CLI, scripts): it carries only credentials its sender chose to send, so it
 * is not a cross-site forgery and is allowed. The content type plays no part: any site can send
 * `text/plain`, form and multipart bodies without asking.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export type OriginCheckInput = { method: string; origin: string | null; secFetchSite: string | null }

export type OriginVerdict =
  | { allowed: true; basis: 'safe-method' | 'origin' | 'sec-fetch-site' | 'no-browser-headers' }
  | { allowed: false; reason: string }

function normalizeOrigin(value: string): string | null {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null
  } catch {
    return null
  }
}

export function checkRequestOrigin(input: OriginCheckInput, ownOrigins: readonly string[]): OriginVerdict {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return { allowed: true, basis: 'safe-method' }
  if (input.origin !== null) {
    // "null" is an opaque origin: sandboxed frames, data: URLs, some redirects. Never ours.
    const origin = input.origin === 'null' ? null : normalizeOrigin(input.origin)
    if (origin && ownOrigins.includes(origin)) return { allowed: true, basis: 'origin' }
    return { allowed: false, reason: `the request comes from ${input.origin}, not from this app` }
  }
  if (input.secFetchSite !== null) {
    const site = input.secFetchSite.toLowerCase()
    if (site === 'same-origin' || site === 'none') return { allowed: true, basis: 'sec-fetch-site' }
    return { allowed: false, reason: `the browser reports a ${site} request (Sec-Fetch-Site)` }
  }
  return { allowed: true, basis: 'no-browser-headers' }
}
