import { request as httpRequest } from 'node:http'
import type { APIRequestContext } from '@playwright/test'
import { apiAs, expect, test } from './fixtures'

/** The session cookie of an API context, for requests made with node:http. */
async function cookieOf(context: APIRequestContext): Promise<string> {
  const { cookies } = await context.storageState()
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ')
}

/**
 * A chunked request (no Content-Length) that sends `bytes` bytes of `filler` after `head` and then never
 * ends: it gets an answer only if the server answers before reading the whole body.
 */
function endlessChunkedPost(
  url: string,
  headers: Record<string, string>,
  head: string,
  bytes: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: 'POST', headers: { ...headers, 'Transfer-Encoding': 'chunked' } },
      (res) => {
        let body = ''
        res.on('data', (d: Buffer) => {
          body += d.toString()
        })
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body })
          req.destroy()
        })
      },
    )
    req.on('error', (error) => reject(error))
    req.write(head)
    const chunk = Buffer.alloc(64 * 1024, 'a')
    let sent = 0
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length
        if (!req.write(chunk)) return void req.once('drain', pump)
      }
      // Deliberately no req.end(): the body never finishes.
    }
    pump()
  })
}

test.describe('limits before buffering', () => {
  test('a JSON body over the cap is a 413: declared, or chunked and never finished', async ({
    playwright,
    baseURL,
  }) => {
    const employee = await apiAs(playwright, baseURL, 'employee')
    const big = { title: 'x'.repeat(300 * 1024) }
    const declared = await employee.post('/api/conversations', { data: big })
    expect(declared.status()).toBe(413)
    expect(((await declared.json()) as { error: string }).error).toBe('The JSON body is larger than 256 KB.')

    const url = new URL('/api/conversations', baseURL).toString()
    const endless = await endlessChunkedPost(
      url,
      { Cookie: await cookieOf(employee), 'Content-Type': 'application/json' },
      '{"title":"',
      2 * 1024 * 1024,
    )
    expect(endless.status).toBe(413)
    expect(endless.body).toContain('larger than 256 KB')
    await employee.dispose()
  })

  test('an upload over INGEST_MAX_MB is refused while streaming (chunked, never finished)', async ({
    playwright,
    baseURL,
  }) => {
    const admin = await apiAs(playwright, baseURL, 'admin')
    const boundary = 'pd-e2e-boundary'
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n`
    const response = await endlessChunkedPost(
      new URL('/api/documents', baseURL).toString(),
      { Cookie: await cookieOf(admin), 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      head,
      51 * 1024 * 1024,
    )
    expect(response.status).toBe(413)
    expect(JSON.parse(response.body)).toEqual({ error: 'huge.txt is larger than 50 MB.' })
    // Nothing was stored.
    const documents = (await (await admin.get('/api/admin/documents?q=huge&state=all')).json()) as {
      total: number
    }
    expect(documents.total).toBe(0)
    await admin.dispose()
  })

  test('a malformed multipart body is a 400 with a message', async ({ playwright, baseURL }) => {
    const admin = await apiAs(playwright, baseURL, 'admin')
    const response = await admin.post('/api/documents', {
      headers: { 'Content-Type': 'multipart/form-data; boundary=XYZ' },
      data: '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nno closing boundary',
    })
    expect(response.status()).toBe(400)
    expect(((await response.json()) as { error: string }).error).toMatch(
      /^The multipart body could not be read/,
    )
    await admin.dispose()
  })
})

test.describe('rate limits: 429 with Retry-After (sizes from the e2e server env, playwright.config.ts)', () => {
  /** Fires `count` requests at once; returns the statuses and one 429 response's Retry-After and body. */
  async function burst(count: number, send: () => Promise<import('@playwright/test').APIResponse>) {
    const responses = await Promise.all(Array.from({ length: count }, send))
    const limited = responses.find((r) => r.status() === 429)
    return {
      statuses: responses.map((r) => r.status()),
      retryAfter: limited?.headers()['retry-after'],
      error: limited ? ((await limited.json()) as { error: string }).error : undefined,
    }
  }

  test('sign-in, per client address', async ({ playwright, baseURL }) => {
    const context = await playwright.request.newContext({ baseURL })
    // A client address of its own (no proxy in front: the X-Forwarded-For entry is the address).
    const headers = { 'X-Forwarded-For': '203.0.113.77' }
    const result = await burst(80, () =>
      context.post('/api/auth/dev-sign-in', { headers, data: { email: 'employee@example.com' } }),
    )
    expect(result.statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(30)
    expect(result.statuses).toContain(429)
    expect(Number(result.retryAfter)).toBeGreaterThanOrEqual(1)
    expect(result.error).toMatch(/^You are signing in too quickly; try again in \d+ s\.$/)
    // Another address is unaffected.
    const other = await context.post('/api/auth/dev-sign-in', {
      headers: { 'X-Forwarded-For': '203.0.113.78' },
      data: { email: 'employee@example.com' },
    })
    expect(other.status()).toBe(200)
    await context.dispose()
  })

  test('playground, review export, dataset export and chat, per user', async ({ playwright, baseURL }) => {
    const admin = await apiAs(playwright, baseURL, 'admin')
    const hr = await apiAs(playwright, baseURL, 'hr')
    // Malformed requests take a token too (no work is done for them, but they are not free to repeat).
    const cases = [
      { name: 'playground', send: () => admin.post('/api/admin/playground', { data: { question: '' } }) },
      { name: 'review export', send: () => admin.get('/api/review/export?format=xlsx') },
      { name: 'dataset export', send: () => admin.post('/api/review/datasets', { data: { verdicts: [] } }) },
      { name: 'chat', send: () => hr.post('/api/chat', { data: { message: '' } }) },
    ]
    for (const { name, send } of cases) {
      const result = await burst(60, send)
      expect(result.statuses, name).toContain(429)
      expect(result.statuses.filter((s) => s === 400).length, name).toBeGreaterThanOrEqual(5)
      expect(Number(result.retryAfter), name).toBeGreaterThanOrEqual(1)
      expect(result.error, name).toMatch(/too quickly; try again in \d+ s\.$/)
    }
    await admin.dispose()
    await hr.dispose()
  })
})
