import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { dataDir } from '@policydesk/runtime'

/**
 * The bearer token for /metrics under `npm start`: METRICS_TOKEN when set, else one generated on first
 * start and kept in the data dir (owner-only file), so a Prometheus config written once keeps working.
 */
export function localMetricsToken(configured: string | undefined): { token: string; file: string | null } {
  if (configured) return { token: configured, file: null }
  const file = path.join(dataDir(), 'metrics-token')
  try {
    const existing = readFileSync(file, 'utf8').trim()
    if (existing.length >= 16) return { token: existing, file }
  } catch {}
  const token = randomBytes(24).toString('hex')
  writeFileSync(file, `${token}\n`, { mode: 0o600 })
  return { token, file }
}
