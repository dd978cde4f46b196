import { checkReadiness } from '@/lib/server/health/readiness'

export const dynamic = 'force-dynamic'

/** Readiness (docs/operations.md): 200 ready or degraded, 503 unavailable, with the state of each check. */
export async function GET() {
  const readiness = await checkReadiness()
  return Response.json(readiness, {
    status: readiness.status === 'unavailable' ? 503 : 200,
    headers: { 'Cache-Control': 'no-store' },
  })
}
