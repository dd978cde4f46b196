import { sql } from '@policydesk/db'
import { getDb } from '@/lib/server/db'

export const dynamic = 'force-dynamic'

/** Liveness and readiness: 200 when the database answers, 503 otherwise. */
export async function GET() {
  try {
    await getDb().execute(sql`select 1`)
    return Response.json({ status: 'ok', database: 'up' })
  } catch {
    return Response.json({ status: 'unavailable', database: 'down' }, { status: 503 })
  }
}
