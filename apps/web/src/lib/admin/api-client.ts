/** Browser-side calls to the admin JSON API, with the server's error message on failure. */

export type ApiResult<T> =
  | { ok: true; data: T; status: number }
  | { ok: false; error: string; status: number }

export async function callApi<T = unknown>(
  url: string,
  init: { method?: string; json?: unknown; body?: FormData; signal?: AbortSignal } = {},
): Promise<ApiResult<T>> {
  let response: Response
  try {
    response = await fetch(url, {
      method: init.method ?? (init.json !== undefined || init.body ? 'POST' : 'GET'),
      headers: init.json !== undefined ? { 'Content-Type': 'application/json' } : undefined,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
      signal: init.signal,
      cache: 'no-store',
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    return {
      ok: false,
      status: 0,
      error: 'The server could not be reached. Check your connection and try again.',
    }
  }
  const text = await response.text()
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    body = null
  }
  if (!response.ok) {
    const message =
      typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string'
        ? body.error
        : `The request failed (HTTP ${response.status}).`
    return { ok: false, status: response.status, error: message }
  }
  return { ok: true, status: response.status, data: body as T }
}
