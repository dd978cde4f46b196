import { metricsAuthorized, readObservabilityEnv, renderMetrics } from '@policydesk/observability'

export const dynamic = 'force-dynamic'

/**
 * Prometheus metrics of this web process (docs/operations.md#metrics). On the app's own port, so behind a
 * bearer token (METRICS_TOKEN): `next start` serves one port, and a second, private one would need a
 * custom server. Without a configured token the endpoint does not exist (404).
 */
export async function GET(request: Request) {
  const token = readObservabilityEnv().METRICS_TOKEN
  if (!token) return new Response('Not found', { status: 404 })
  if (!metricsAuthorized(request.headers.get('authorization'), token))
    return new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } })
  const { body, contentType } = await renderMetrics()
  return new Response(body, { headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' } })
}
