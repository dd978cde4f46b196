/**
 * Next.js calls register() once per server process, before it handles requests. The startup checks, metrics
 * and tracing are Node-only (Node APIs, prom-client, the OpenTelemetry Node SDK); NEXT_RUNTIME is how Next
 * tells the runtimes apart.
 */
export async function register() {
  // biome-ignore lint/style/noProcessEnv: NEXT_RUNTIME is set by Next itself (which runtime loads this), not configuration
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { stopOnUnsafeStartup } = await import('@/lib/server/auth/stop-on-unsafe-startup')
  stopOnUnsafeStartup()
  const { registerObservability } = await import('@/lib/server/observability/register')
  registerObservability()
}
