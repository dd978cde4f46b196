/**
 * The browser's one client for the app's JSON API (chat streaming aside: `chat/chat-client.ts` reads the SSE
 * stream). Every call gets the server's error message on failure, a clear message when the server cannot be
 * reached, and never throws except for an abort the caller asked for.
 */

export type ApiResult<T> =
  | { ok: true; data: T; status: number }
  /**
   * `error` is always readable (English fallbacks); `serverError` is the server's own message, or null when
   * there was none (unreachable, not JSON) so a localised caller can show its own text. `body`: the parsed
   * error response, for routes that explain more than `error` (e.g. per-row errors).
   */
  | { ok: false; error: string; serverError: string | null; status: number; body: unknown }

export type ApiInit = {
  method?: string
  /** Sent as JSON. */
  json?: unknown
  /** Sent as is: a form (multipart) or text with `contentType`. */
  body?: FormData | string
  contentType?: string
  signal?: AbortSignal
}

export const UNREACHABLE = 'The server could not be reached. Check your connection and try again.'

export async function callApi<T = unknown>(url: string, init: ApiInit = {}): Promise<ApiResult<T>> {
  let response: Response
  const headers: Record<string, string> = {}
  if (init.json !== undefined) headers['Content-Type'] = 'application/json'
  else if (init.contentType) headers['Content-Type'] = init.contentType
  try {
    response = await fetch(url, {
      method: init.method ?? (init.json !== undefined || init.body !== undefined ? 'POST' : 'GET'),
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
      signal: init.signal,
      cache: 'no-store',
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    return { ok: false, status: 0, error: UNREACHABLE, serverError: null, body: null }
  }
  const text = await response.text()
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    body = null
  }
  if (!response.ok) {
    const serverError =
      typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string'
        ? body.error
        : null
    return {
      ok: false,
      status: response.status,
      error: serverError ?? `The request failed (HTTP ${response.status}).`,
      serverError,
      body,
    }
  }
  return { ok: true, status: response.status, data: body as T }
}
