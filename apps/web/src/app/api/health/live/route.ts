export const dynamic = 'force-dynamic'

/**
 * Liveness: this process serves HTTP. Touches nothing else on purpose: a database outage must not make
 * the orchestrator restart healthy web processes (that is what readiness is for).
 */
export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
}
