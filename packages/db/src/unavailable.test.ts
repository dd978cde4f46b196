import net from 'node:net'
import { findFreePort } from '@policydesk/runtime'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createDb } from './client'
import { isDatabaseUnavailable } from './unavailable'

describe('isDatabaseUnavailable', () => {
  it('recognises a refused connection through drizzle’s error wrapper', async () => {
    const handle = createDb(`postgres://postgres:postgres@127.0.0.1:${await findFreePort()}/postgres`)
    const error = await handle.db.execute(sql`select 1`).catch((e: unknown) => e)
    await handle.close()
    expect(isDatabaseUnavailable(error)).toBe(true)
  })

  it('recognises a server that hangs up mid-connection', async () => {
    const server = net.createServer((socket) => socket.destroy())
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as net.AddressInfo
    const handle = createDb(`postgres://postgres:postgres@127.0.0.1:${port}/postgres`)
    const error = await handle.db.execute(sql`select 1`).catch((e: unknown) => e)
    await handle.close()
    server.close()
    expect(isDatabaseUnavailable(error)).toBe(true)
  })

  it('does not mistake a query error for an outage', () => {
    const syntax = Object.assign(new Error('syntax error at or near "selec"'), { code: '42601' })
    expect(isDatabaseUnavailable(new Error('Failed query', { cause: syntax }))).toBe(false)
    expect(isDatabaseUnavailable('Connection terminated')).toBe(false)
    expect(isDatabaseUnavailable(null)).toBe(false)
  })
})
