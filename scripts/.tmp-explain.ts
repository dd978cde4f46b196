import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { schema, listAnswerLog, countAnswerLog, dashboardStats, nextInQueue, queueCounts, groupIdByName, listLoggedModels } from '@policydesk/db'
const pool = new pg.Pool({ connectionString: 'postgres://postgres:postgres@127.0.0.1:54329/postgres', max: 1 })
const captured: { sql: string; params: unknown[] }[] = []
const db = drizzle(pool, { schema, casing: 'snake_case', logger: { logQuery: (sql, params) => captured.push({ sql, params }) } })
const which = process.argv[2]
const everyone = (await groupIdByName(db as never, 'everyone')) ?? ''
const hr = (await groupIdByName(db as never, 'hr')) ?? ''
const analyst = { role: 'analyst' as const, groupIds: [everyone] }
const admin = { role: 'admin' as const, groupIds: [everyone, hr] }
captured.length = 0
const now = Date.now(), day = 86400000
if (which === 'vf') await listAnswerLog(db as never, admin, { validationFailed: true, review: 'unreviewed', groupId: hr })
if (which === 'abst') await listAnswerLog(db as never, analyst, { abstained: true, topScoreBelow: 0.024, feedback: 'none' })
if (which === 'first') await listAnswerLog(db as never, analyst, {})
if (which === 'firstadmin') await listAnswerLog(db as never, admin, {})
if (which === 'gaps') await (await import('@policydesk/db')).coverageGapQuestions(db as never, analyst, { from: new Date(now - 30 * day), to: new Date(now + day) })
if (which === 'search') await listAnswerLog(db as never, analyst, { search: 'parental leave' })
if (which === 'dash') await dashboardStats(db as never, analyst, { from: new Date(now - 30 * day), to: new Date(now + day) })
if (which === 'queue') await nextInQueue(db as never, analyst)
if (which === 'counts') await queueCounts(db as never, analyst)
if (which === 'models') await listLoggedModels(db as never)
const q = [...captured].sort((a, b) => b.sql.length - a.sql.length)[0]
if (q) {
  await pool.query("set work_mem = '64MB'"); const res = await pool.query(`explain (analyze, buffers) ${q.sql}`, q.params as unknown[])
  console.log(res.rows.map((r) => r['QUERY PLAN']).join('\n'))
}
await pool.end()
