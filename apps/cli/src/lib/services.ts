import { assertDatabaseReachable, createDb, type DbHandle } from '@policydesk/db'
// The launcher alone: the embedded index would also load PGlite (~0.3 s) just to find the running daemon.
import { acquireDatabase, type DatabaseTarget } from '@policydesk/db/embedded/launcher'
import type { RedisTarget } from '@policydesk/jobs'

export type Services = { database: DatabaseTarget; handle: DbHandle; redis: RedisTarget | null }

/**
 * Gives a command its database (DATABASE_URL, or the embedded daemon of the data dir, started on demand)
 * and, when asked, Redis. Connections and anything started here are released afterwards.
 */
export async function withServices<T>(
  options: { redis: 'none' | 'join' | 'start' },
  body: (services: Services) => Promise<T>,
): Promise<T> {
  const database = await acquireDatabase({ start: true })
  let redis: RedisTarget | null = null
  let handle: DbHandle | null = null
  try {
    await assertDatabaseReachable(database.url)
    handle = createDb(database.url)
    if (options.redis !== 'none') {
      // BullMQ and ioredis load only for commands that use Redis (`ask` and most others do not).
      const { acquireRedis } = await import('@policydesk/jobs')
      redis = await acquireRedis({ start: options.redis === 'start' })
    }
    return await body({ database, handle, redis })
  } finally {
    await handle?.close()
    await redis?.release()
  }
}
