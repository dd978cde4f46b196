import { describe, expect, it } from 'vitest'
import { readMultipart } from '@/lib/server/request/multipart'

const limits = { maxFileBytes: 64 * 1024, maxRequestBytes: 1024 * 1024, maxFiles: 3 }

/** A multipart request streamed in chunks, counting how many chunks the parser pulled. */
async function streamed(form: FormData, chunkSize = 4096, extraHeaders: Record<string, string> = {}) {
  const encoded = new Request('http://test/x', { method: 'POST', body: form })
  const contentType = encoded.headers.get('content-type') ?? ''
  const bytes = new Uint8Array(await encoded.arrayBuffer())
  const pulled = { count: 0, total: Math.ceil(bytes.byteLength / chunkSize) }
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const start = pulled.count * chunkSize
        if (start >= bytes.byteLength) return controller.close()
        pulled.count++
        controller.enqueue(bytes.slice(start, start + chunkSize))
      },
    },
    { highWaterMark: 0 },
  )
  const headers = { 'content-type': contentType, ...extraHeaders }
  const request = new Request('http://test/api/documents', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit)
  return { request, pulled }
}

const file = (size: number, name = 'a.txt') =>
  new File([new Uint8Array(size).fill(97)], name, { type: 'text/plain' })

describe('readMultipart', () => {
  it('returns files (UTF-8 names) and fields in order', async () => {
    const form = new FormData()
    form.append('title', 'Reisekosten')
    form.append('file', file(10, 'Überstunden – Richtlinie.txt'))
    form.append('tags', 'a')
    form.append('tags', 'b')
    const { request } = await streamed(form)
    const result = await readMultipart(request, limits)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.body.files).toEqual([
      { name: 'Überstunden – Richtlinie.txt', type: 'text/plain', bytes: Buffer.alloc(10, 97) },
    ])
    expect(result.body.fields).toEqual([
      ['title', 'Reisekosten'],
      ['tags', 'a'],
      ['tags', 'b'],
    ])
  })

  it('stops at the first file over its cap: 413 naming it, the rest unread', async () => {
    const form = new FormData()
    form.append('file', file(1024 * 1024, 'huge.pdf'))
    const { request, pulled } = await streamed(form)
    expect(await readMultipart(request, limits)).toEqual({
      ok: false,
      status: 413,
      error: 'huge.pdf is larger than 64 KB.',
    })
    expect(pulled.count).toBeLessThan(pulled.total / 4)
  })

  it('caps the whole request while streaming, with no Content-Length (chunked)', async () => {
    const form = new FormData()
    for (let i = 0; i < 3; i++) form.append('file', file(60 * 1024, `f${i}.txt`))
    const { request, pulled } = await streamed(form)
    const result = await readMultipart(request, { ...limits, maxRequestBytes: 100 * 1024 })
    expect(result).toMatchObject({
      ok: false,
      status: 413,
      error: expect.stringMatching(/larger than 100 KB/),
    })
    expect(pulled.count).toBeLessThan(pulled.total)
  })

  it('refuses a declared Content-Length over the request cap before reading', async () => {
    const form = new FormData()
    form.append('file', file(10))
    const { request, pulled } = await streamed(form, 4096, { 'content-length': String(10 * 1024 * 1024) })
    expect((await readMultipart(request, limits)).ok).toBe(false)
    expect(pulled.count).toBe(0)
  })

  it('counts files', async () => {
    const form = new FormData()
    for (let i = 0; i < 4; i++) form.append('file', file(1, `f${i}.txt`))
    const { request } = await streamed(form)
    expect(await readMultipart(request, limits)).toEqual({
      ok: false,
      status: 413,
      error: 'At most 3 files per request.',
    })
  })

  it('answers 415 for another content type and 400 for a malformed body', async () => {
    const json = new Request('http://test/x', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    })
    expect(await readMultipart(json, limits)).toMatchObject({ ok: false, status: 415 })
    const noBoundary = new Request('http://test/x', {
      method: 'POST',
      body: 'x',
      headers: { 'content-type': 'multipart/form-data; charset=utf-8' },
    })
    expect(await readMultipart(noBoundary, limits)).toMatchObject({ ok: false, status: 400 })
    const truncated = new Request('http://test/x', {
      method: 'POST',
      body: '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc',
      headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
    })
    expect(await readMultipart(truncated, limits)).toMatchObject({
      ok: false,
      status: 400,
      error: expect.stringMatching(/^The multipart body could not be read: /),
    })
  })
})
