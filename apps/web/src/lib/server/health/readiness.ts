import 'server-only'
import { listWorkerHeartbeats, migrationStatus, sql } from '@policydesk/db'
import { pingRedis } from '@policydesk/jobs'
import { getDb } from '@/lib/server/db'
import { webEnv } from '@/lib/server/env'
import { withTimeout } from '@/lib/shared/with-timeout'

const CHECK_TIMEOUT_MS = 2_000

export type CheckState = 'up' | 'down' | 'pending' | 'stale' | 'not-configured'
export type Readiness = {
  /** ready: serve traffic. degraded: serve it, but uploads are not being processed. unavailable: don't. */
  status: 'ready' | 'degraded' | 'unavailable'
  checks: { database: CheckState; migrations: CheckState; redis: CheckState; worker: CheckState }
}

/**
 * What /api/health/ready reports. The database, its migrations and (when configured) Redis decide whether
 * this web process can serve requests. A missing worker heartbeat only degrades: questions are still
 * answered without a worker, so taking the web app out of the load balancer for it would turn a stalled
 * upload queue into a full outage. States only — never URLs or error text, since the probe is public.
 */
export async function checkReadiness(): Promise<Readiness> {
  const db = getDb()
  const database = await withTimeout(db.execute(sql`select 1`), CHECK_TIMEOUT_MS, 'database')
    .then((): CheckState => 'up')
    .catch((): CheckState => 'down')
  const [migrations, worker, redis] = await Promise.all([
    database === 'up'
      ? withTimeout(migrationStatus(db), CHECK_TIMEOUT_MS, 'migrations')
          .then((s): CheckState => (s.current ? 'up' : 'pending'))
          .catch((): CheckState => 'down')
      : Promise.resolve<CheckState>('down'),
    database === 'up'
      ? withTimeout(listWorkerHeartbeats(db), CHECK_TIMEOUT_MS, 'heartbeats')
          .then((rows): CheckState => (rows.some((r) => r.alive) ? 'up' : 'stale'))
          .catch((): CheckState => 'down')
      : Promise.resolve<CheckState>('down'),
    checkRedis(),
  ])
  const serving = database === 'up' && migrations === 'up' && (redis === 'up' || redis === 'not-configured')
  return {
    status: !serving ? 'unavailable' : worker === 'up' ? 'ready' : 'degraded',
    checks: { database, migrations, redis, worker },
  }
}

async function checkRedis(): Promise<CheckState> {
  const url = webEnv().REDIS_URL
  if (!url) return 'not-configured'
  return (await pingRedis(url, CHECK_TIMEOUT_MS)) ? 'up' : 'down'
}
