import { timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { metricsRegistry } from './registry'

/** Compares the Authorization header with the token in constant time. No token configured = refused. */
export function metricsAuthorized(
  authorization: string | null | undefined,
  token: string | undefined,
): boolean {
  if (!token) return false
  const expected = Buffer.from(`Bearer ${token}`)
  const given = Buffer.from(authorization ?? '')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** The exposition text and its content type. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const registry = metricsRegistry()
  return { body: await registry.metrics(), contentType: registry.contentType }
}

export type MetricsServer = { port: number; close: () => Promise<void> }

/**
 * The worker's metrics endpoint: its own small HTTP server on METRICS_PORT, because the worker serves no
 * other HTTP. GET /metrics only; with a token configured, the same bearer check as the web app.
 */
export async function startMetricsServer(options: {
  port: number
  host: string
  token?: string
}): Promise<MetricsServer> {
  const server = http.createServer(async (req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end()
      return
    }
    if (options.token && !metricsAuthorized(req.headers.authorization, options.token)) {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end()
      return
    }
    try {
      const { body, contentType } = await renderMetrics()
      res.writeHead(200, { 'Content-Type': contentType }).end(body)
    } catch {
      res.writeHead(500).end()
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
