import type { ConnectionOptions } from 'bullmq'
import { Redis } from 'ioredis'

/** BullMQ connection options from a URL. Options, not an instance: BullMQ then owns and closes its clients. */
export function connectionFromUrl(url: string): ConnectionOptions {
  const parsed = new URL(url)
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    // Required by BullMQ workers: commands wait for a reconnect instead of failing.
    maxRetriesPerRequest: null,
  }
}

/** Pings Redis once with a short timeout; used to fail fast with a clear message. */
export async function pingRedis(url: string, timeoutMs = 3_000): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  })
  client.on('error', () => {})
  try {
    await client.connect()
    return (await client.ping()) === 'PONG'
  } catch {
    return false
  } finally {
    client.disconnect()
  }
}
