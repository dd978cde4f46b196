import 'server-only'

/**
 * Browsers send `Origin` on every cross-origin POST. A multipart upload is a "simple" request that any
 * site's HTML form can send, so when a browser says it comes from elsewhere, refuse it. Scripts (curl)
 * send no Origin and are authenticated by their cookie like any client.
 */
export function isCrossOrigin(request: Request): boolean {
  const origin = request.headers.get('origin')
  if (!origin || origin === 'null') return origin === 'null'
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host')
  try {
    return new URL(origin).host !== host
  } catch {
    return true
  }
}
