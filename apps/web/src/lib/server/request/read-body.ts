/**
 * Request bodies are read chunk by chunk and counted; past the cap, reading stops and the caller answers
 * 413. A declared Content-Length over the cap is refused before a byte is read; a chunked body (no
 * length) is refused as soon as it has sent one byte too many, however much more it would send.
 */

export type CappedBody = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too-large' }

/** Content-Length when present and a plain number; anything else means "unknown" (chunked). */
export function declaredLength(headers: Headers): number | null {
  const raw = headers.get('content-length')
  return raw !== null && /^\d+$/.test(raw.trim()) ? Number(raw) : null
}

export async function readBodyCapped(request: Request, maxBytes: number): Promise<CappedBody> {
  const declared = declaredLength(request.headers)
  if (declared !== null && declared > maxBytes) return { ok: false, reason: 'too-large' }
  if (!request.body) return { ok: true, bytes: new Uint8Array() }
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      // Stop pulling: the rest is never read into memory. (Cancelling would tear down the connection
      // before the 413 could be sent.)
      reader.releaseLock()
      return { ok: false, reason: 'too-large' }
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return { ok: true, bytes }
}

/** `application/json` or a `+json` type, parameters ignored (`text/plain;application/json` is not JSON). */
export function isJsonContentType(value: string | null): boolean {
  const essence = (value ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  return essence === 'application/json' || /^application\/[\w.+-]+\+json$/.test(essence)
}
