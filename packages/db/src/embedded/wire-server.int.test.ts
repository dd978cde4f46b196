import { findFreePort } from '@policydesk/runtime'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type EmbeddedServer, startEmbeddedServer } from './server'

let server: EmbeddedServer

beforeAll(async () => {
  server = await startEmbeddedServer({ port: await findFreePort() })
})
afterAll(async () => {
  await server?.stop()
})

describe('embedded wire server', () => {
  it('never interleaves two clients’ extended-protocol queries', async () => {
    const a = new pg.Pool({ connectionString: server.url, max: 4 })
    const b = new pg.Pool({ connectionString: server.url, max: 4 })
    // Different parameter counts: an interleaved Parse/Bind would fail with 08P01.
    const work = Array.from({ length: 200 }, (_, i) =>
      i % 2 === 0
        ? a.query('select $1::int + $2::int as v', [i, 1]).then((r) => r.rows[0].v === i + 1)
        : b.query('select $1::text as v', [`x${i}`]).then((r) => r.rows[0].v === `x${i}`),
    )
    expect((await Promise.all(work)).every(Boolean)).toBe(true)
    await a.end()
    await b.end()
  })

  it('isolates an open transaction and rolls it back when its client disappears', async () => {
    const setup = new pg.Client({ connectionString: server.url })
    await setup.connect()
    await setup.query('create table if not exists wire_t (n int)')
    const owner = new pg.Client({ connectionString: server.url })
    owner.on('error', () => {})
    await owner.connect()
    await owner.query('begin')
    await owner.query('insert into wire_t values (1)')
    // Another client's query waits for the transaction instead of running inside it...
    const other = setup.query('select count(*)::int as n from wire_t')
    // ...and the owner vanishes without COMMIT.
    ;(owner as unknown as { connection: { stream: { destroy: () => void } } }).connection.stream.destroy()
    const result = await other
    expect(result.rows[0].n).toBe(0)
    await setup.query('insert into wire_t values (2)')
    expect((await setup.query('select count(*)::int as n from wire_t')).rows[0].n).toBe(1)
    await setup.end()
  })
})
