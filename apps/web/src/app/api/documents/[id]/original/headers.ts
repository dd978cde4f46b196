import type { DocumentOriginal } from '@policydesk/db'

/** Types a browser shows inline; anything else is downloaded. */
const INLINE = new Set(['application/pdf', 'text/plain', 'text/markdown', 'text/html', 'text/csv'])

/**
 * Uploaded HTML is untrusted: served from our origin it could run script with the user's session.
 * `CSP: sandbox` gives it an opaque origin and no script; nosniff stops type guessing.
 */
export function originalHeaders(
  original: Pick<DocumentOriginal, 'mime' | 'sourceName' | 'content'>,
): Headers {
  const mime = original.mime.split(';')[0]?.trim().toLowerCase() || 'application/octet-stream'
  const textual = mime.startsWith('text/')
  const disposition = INLINE.has(mime) ? 'inline' : 'attachment'
  const fallbackName = original.sourceName.replace(/[^\w.-]+/g, '_')
  return new Headers({
    'Content-Type': textual ? `${mime}; charset=utf-8` : mime,
    'Content-Length': String(original.content.byteLength),
    'Content-Disposition': `${disposition}; filename="${fallbackName}"; filename*=UTF-8''${encodeURIComponent(original.sourceName)}`,
    'Content-Security-Policy': "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'",
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  })
}
