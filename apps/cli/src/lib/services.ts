import { assertDatabaseReachable, createDb, type DbHandle } from '@policydesk/db'
import { acquireDatabase, type DatabaseTarget } from '@policydesk/db/embedded'
import { acquireRedis, type RedisTarget } from '@policydesk/jobs'

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
    if (options.redis !== 'none') redis = await acquireRedis({ start: options.redis === 'start' })
    return await body({ database, handle, redis })
  } finally {
    await handle?.close()
    await redis?.release()
  }
}
