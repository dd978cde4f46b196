import { createDb, type DbHandle, sql } from '@policydesk/db'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import { setupTracing, traceQueries, withSpan } from '@policydesk/observability'
import { InMemorySpanExporter } from '@policydesk/observability/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const exporter = new InMemorySpanExporter()
const tracing = setupTracing({ service: 'test', exporter })
let database: TestDatabase
let handle: DbHandle

beforeAll(async () => {
  database = await startTestDatabase()
  // A pool of its own, instrumented before its first connection, as the web app and worker do.
  handle = createDb(database.url)
  traceQueries(handle.pool)
})
afterAll(async () => {
  await handle?.close()
  await tracing.shutdown()
  await database?.stop()
})

const spans = () => exporter.getFinishedSpans()

describe('SQL query spans', () => {
  it('records each statement under the active span — in and out of transactions — without its parameters', async () => {
    exporter.reset()
    const secret = 'what is the policy on bees on the roof'
    await withSpan('question', {}, async () => {
      await handle.db.execute(sql`select id from users where email = ${secret}`)
      await handle.db.transaction(async (tx) => {
        await tx.execute(sql`select ${secret}::text as q`)
      })
    })
    const root = spans().find((s) => s.name === 'question')
    const queries = spans().filter((s) => s.name.startsWith('db.'))
    expect(queries.map((s) => s.name)).toEqual(['db.select', 'db.begin', 'db.select', 'db.commit'])
    for (const span of queries) {
      expect(span.parentSpanContext?.spanId).toBe(root?.spanContext().spanId)
      expect(span.attributes['db.system.name']).toBe('postgresql')
      expect(JSON.stringify(span.attributes)).not.toContain('bees')
    }
    expect(queries[0]?.attributes['db.query.text']).toBe('select id from users where email = $1')
  })

  it('marks a failing statement as an error and still rejects the caller', async () => {
    exporter.reset()
    await withSpan('question', {}, async () => {
      await expect(handle.db.execute(sql`select * from no_such_table`)).rejects.toThrow(/no_such_table/)
    })
    const failed = spans().find((s) => s.name === 'db.select')
    expect(failed?.status.code).toBe(2) // ERROR
  })

  it('makes no span for a statement outside any traced unit of work', async () => {
    exporter.reset()
    await handle.db.execute(sql`select 1`)
    expect(spans()).toHaveLength(0)
  })
})
