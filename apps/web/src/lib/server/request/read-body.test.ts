import { describe, expect, it } from 'vitest'
import { declaredLength, isJsonContentType, readBodyCapped } from '@/lib/server/request/read-body'

/** A request whose body is `chunks` chunks of `size` bytes, counting how many the server pulled. */
function streamingRequest(chunks: number, size: number, headers: Record<string, string> = {}) {
  const pulled = { count: 0 }
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled.count === chunks) return controller.close()
        pulled.count++
        controller.enqueue(new Uint8Array(size).fill(120))
      },
    },
    { highWaterMark: 0 },
  )
  const request = new Request('http://test/api/x', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit)
  return { request, pulled }
}

describe('readBodyCapped', () => {
  it('reads a body under the cap whole', async () => {
    const { request } = streamingRequest(3, 100)
    const body = await readBodyCapped(request, 1000)
    expect(body.ok && body.bytes.byteLength).toBe(300)
  })

  it('stops pulling a chunked body as soon as it passes the cap: the rest is never read', async () => {
    const { request, pulled } = streamingRequest(1000, 1024)
    expect(await readBodyCapped(request, 4 * 1024)).toEqual({ ok: false, reason: 'too-large' })
    expect(pulled.count).toBeLessThanOrEqual(6)
  })

  it('refuses a declared Content-Length over the cap before reading anything', async () => {
    const { request, pulled } = streamingRequest(10, 10, { 'content-length': '5000' })
    expect(await readBodyCapped(request, 1000)).toEqual({ ok: false, reason: 'too-large' })
    expect(pulled.count).toBe(0)
  })

  it('does not trust a Content-Length that understates the body', async () => {
    const { request } = streamingRequest(50, 100, { 'content-length': '10' })
    expect((await readBodyCapped(request, 1000)).ok).toBe(false)
  })

  it('reads an absent body as empty', async () => {
    const body = await readBodyCapped(new Request('http://test/x', { method: 'POST' }), 10)
    expect(body.ok && body.bytes.byteLength).toBe(0)
  })
})

describe('declaredLength / isJsonContentType', () => {
  it('reads only plain numeric lengths', () => {
    expect(declaredLength(new Headers({ 'content-length': '42' }))).toBe(42)
    expect(declaredLength(new Headers({ 'content-length': '4e3' }))).toBeNull()
    expect(declaredLength(new Headers())).toBeNull()
  })

  it('matches the media type, not a substring (the old check let text/plain;application/json through)', () => {
    expect(isJsonContentType('application/json')).toBe(true)
    expect(isJsonContentType('Application/JSON; charset=utf-8')).toBe(true)
    expect(isJsonContentType('application/merge-patch+json')).toBe(true)
    expect(isJsonContentType('text/plain;application/json')).toBe(false)
    expect(isJsonContentType('application/x-www-form-urlencoded')).toBe(false)
    expect(isJsonContentType(null)).toBe(false)
  })
})
