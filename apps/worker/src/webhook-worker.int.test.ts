import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { schema, seedDemoUsers, sql } from '@policydesk/db'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import { createLogger } from '@policydesk/runtime'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startWebhookDelivery } from './webhook-worker'

/** The worker's poll loop retries a handoff webhook the receiver refused until it is delivered. */

let db: TestDatabase
let server: Server
let url: string
const statuses = [500]
let hits = 0

beforeAll(async () => {
  db = await startTestDatabase()
  await seedDemoUsers(db.db)
  server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      hits++
      res.statusCode = statuses.shift() ?? 204
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
})
afterAll(async () => {
  server?.close()
  await db?.stop()
})

it('retries due deliveries until the receiver takes them', async () => {
  const [row] = await db.db
    .insert(schema.webhookDeliveries)
    .values({ event: 'handoff.created', url, payload: { handoff: { id: 'x' } }, nextAttemptAt: new Date() })
    .returning({ id: schema.webhookDeliveries.id })
  process.env.HANDOFF_WEBHOOK_SECRET = 'worker-test-secret-0123'
  process.env.HANDOFF_WEBHOOK_RETRY_MS = '0'
  const loop = startWebhookDelivery({ db: db.db, log: createLogger('test'), intervalMs: 100 })
  try {
    await expect
      .poll(
        async () =>
          (
            await db.db.execute<{ status: string }>(
              sql`select status from webhook_deliveries where id = ${row?.id ?? ''}`,
            )
          ).rows[0]?.status,
        { timeout: 10_000 },
      )
      .toBe('delivered')
    expect(hits).toBe(2)
  } finally {
    await loop.close()
    delete process.env.HANDOFF_WEBHOOK_SECRET
    delete process.env.HANDOFF_WEBHOOK_RETRY_MS
  }
})
