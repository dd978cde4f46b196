import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readableGroupIds } from '../queries/groups'
import { createHandoff } from '../queries/handoffs'
import { listWebhookDeliveries, retryWebhookDelivery } from '../queries/handoffs/webhook-deliveries'
import { makeTrace } from '../queries/review-test-fixtures'
import { getUserByEmail } from '../queries/users'
import { webhookDeliveries } from '../schema'
import { seedDemoUsers } from '../seed/demo-users'
import { startTestDatabase, type TestDatabase } from '../testing'
import { backoffDelay, deliverDueWebhooks, signWebhook } from './deliver'

/**
 * Deliveries against a real local receiver that checks the signature the way docs/api.md tells
 * integrators to: HMAC-SHA256 over `<X-PolicyDesk-Timestamp>.<raw body>`.
 */

const SECRET = 'test-secret-of-enough-length'
let t: TestDatabase
let server: Server
let url: string
/** Status codes the receiver answers with, in order; then 200. */
let script: number[] = []
const received: { headers: IncomingHttpHeaders; body: string; verified: boolean }[] = []

function verifies(headers: IncomingHttpHeaders, body: string): boolean {
  const timestamp = String(headers['x-policydesk-timestamp'] ?? '')
  const given = Buffer.from(String(headers['x-policydesk-signature'] ?? ''))
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex')}`,
  )
  return given.length === expected.length && timingSafeEqual(given, expected)
}

beforeAll(async () => {
  t = await startTestDatabase()
  await seedDemoUsers(t.db)
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      received.push({ headers: req.headers, body, verified: verifies(req.headers, body) })
      res.statusCode = script.shift() ?? 200
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
})
afterAll(async () => {
  server?.close()
  await t?.stop()
})

async function queueOne(): Promise<string> {
  const user = await getUserByEmail(t.db, 'employee@example.com')
  if (!user) throw new Error('no employee')
  const traceId = await makeTrace(t.db, { userId: user.id, question: 'Can I keep bees on the office roof?' })
  const created = await createHandoff(t.db, {
    asker: { userId: user.id, role: 'employee', groupIds: await readableGroupIds(t.db, user.id) },
    traceId,
    routing: { tagOwners: {}, defaultGroup: 'hr' },
    webhook: { url },
  })
  if (!created.ok) throw new Error(created.message)
  const id = created.deliveryIds[0]
  if (!id) throw new Error('no delivery')
  return id
}

const row = async (id: string) =>
  (await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)))[0]

const settings = { secret: SECRET, baseDelayMs: 0, maxAttempts: 4 }

describe('handoff webhooks', () => {
  it('signs the timestamp and raw body; the receiver verifies it', async () => {
    received.length = 0
    const id = await queueOne()
    expect(await deliverDueWebhooks(t.db, settings, { ids: [id] })).toEqual({ attempted: 1, delivered: 1 })
    const [hit] = received
    expect(hit?.verified).toBe(true)
    expect(hit?.headers['x-policydesk-event']).toBe('handoff.created')
    expect(hit?.headers['x-policydesk-delivery']).toBe(id)
    expect(JSON.parse(hit?.body ?? '{}')).toMatchObject({
      id,
      event: 'handoff.created',
      handoff: { question: 'Can I keep bees on the office roof?', routedGroup: 'hr' },
    })
    expect(await row(id)).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
    })
    // A signature over another body does not verify.
    expect(signWebhook(SECRET, '1', '{}')).not.toBe(signWebhook(SECRET, '1', '{} '))
  })

  it('retries a receiver that fails twice, then succeeds', async () => {
    received.length = 0
    script = [500, 503]
    const id = await queueOne()
    await deliverDueWebhooks(t.db, settings)
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500' })
    await deliverDueWebhooks(t.db, settings)
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 503 })
    await deliverDueWebhooks(t.db, settings)
    expect(await row(id)).toMatchObject({ status: 'delivered', attempts: 3, lastError: null })
    expect(received.every((r) => r.verified)).toBe(true)
  })

  it('gives up after the last attempt (failed), shown to admins, and an admin retry delivers it', async () => {
    script = [500, 500, 500, 500]
    const id = await queueOne()
    for (let i = 0; i < 6; i++) await deliverDueWebhooks(t.db, settings)
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 4, lastError: 'HTTP 500' })
    expect((await listWebhookDeliveries(t.db))[0]).toMatchObject({ id, status: 'failed' })
    expect(await retryWebhookDelivery(t.db, id)).toBe(true)
    expect(await deliverDueWebhooks(t.db, settings, { ids: [id] })).toEqual({ attempted: 1, delivered: 1 })
    expect(await retryWebhookDelivery(t.db, id)).toBe(false)
  })

  it('records an unreachable receiver and backs off exponentially', async () => {
    const id = await queueOne()
    await t.db
      .update(webhookDeliveries)
      .set({ url: 'http://127.0.0.1:9/closed' })
      .where(eq(webhookDeliveries.id, id))
    await deliverDueWebhooks(t.db, { secret: SECRET, baseDelayMs: 60_000 }, { ids: [id] })
    const after = await row(id)
    expect(after?.status).toBe('pending')
    expect(after?.lastError).toBeTruthy()
    expect((after?.nextAttemptAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(50_000)
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, 10))).toEqual([10, 20, 40, 80])
  })
})
