/**
 * Static checks of the monitoring files: the Grafana dashboard, the Prometheus scrape configs (compose and
 * Kubernetes) and how compose and the worker manifest expose metrics. Every metric a dashboard panel
 * queries must be one the app defines, so a renamed metric cannot leave a silently empty panel.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse, parseAllDocuments } from 'yaml'

const root = fileURLToPath(new URL('../..', import.meta.url))
const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8')

type Panel = { title: string; type: string; targets: { expr: string }[] }
const dashboard = JSON.parse(read('infra/grafana/dashboards/policydesk.json')) as {
  uid: string
  panels: Panel[]
}

/** Metric names defined in packages/observability (plus prom-client's default process metrics). */
const definitions = read('packages/observability/src/metrics/definitions.ts')
const defined = new Set([...definitions.matchAll(/name: '(policydesk_[a-z_]+)'/g)].map((m) => m[1]))
const DEFAULT_METRICS = [
  'policydesk_process_resident_memory_bytes',
  'policydesk_nodejs_eventloop_lag_p99_seconds',
]

function metricsIn(expr: string): string[] {
  return [...expr.matchAll(/\b(policydesk_[a-z0-9_]+)/g)].map((m) =>
    (m[1] ?? '').replace(/_(bucket|count|sum)$/, ''),
  )
}

type ScrapeJob = {
  job_name: string
  metrics_path?: string
  authorization?: { type?: string; credentials_file?: string }
  dns_sd_configs?: { names: string[]; port: number }[]
  kubernetes_sd_configs?: unknown[]
}

describe('Grafana dashboard', () => {
  it('queries only metrics the app defines', () => {
    expect(defined.size).toBeGreaterThan(10)
    for (const panel of dashboard.panels) {
      expect(panel.targets.length, panel.title).toBeGreaterThan(0)
      for (const target of panel.targets)
        for (const metric of metricsIn(target.expr))
          expect(defined.has(metric) || DEFAULT_METRICS.includes(metric), `${panel.title}: ${metric}`).toBe(
            true,
          )
    }
  })

  it('has a panel for each signal the issue asks for', () => {
    const queried = new Set(dashboard.panels.flatMap((p) => p.targets.flatMap((t) => metricsIn(t.expr))))
    for (const name of defined) expect(queried.has(name ?? ''), `no panel for ${name}`).toBe(true)
    expect(dashboard.uid).toBe('policydesk')
  })
})

describe('Prometheus scrape configs', () => {
  it('compose: scrapes every web and worker replica, both with the token file', () => {
    const config = parse(read('infra/prometheus/prometheus.yml')) as { scrape_configs: ScrapeJob[] }
    const jobs = new Map(config.scrape_configs.map((j) => [j.job_name, j]))
    expect(jobs.get('policydesk-web')?.dns_sd_configs?.[0]).toEqual({ names: ['web'], type: 'A', port: 3000 })
    expect(jobs.get('policydesk-worker')?.dns_sd_configs?.[0]).toEqual({
      names: ['worker'],
      type: 'A',
      port: 9464,
    })
    for (const job of jobs.values()) {
      expect(job.metrics_path).toBe('/metrics')
      expect(job.authorization).toEqual({ type: 'Bearer', credentials_file: '/run/secrets/metrics_token' })
    }
  })

  it('compose: monitoring is opt-in, and the worker exposes its port only inside the network', () => {
    const compose = parse(read('docker-compose.yml')) as {
      services: Record<
        string,
        {
          profiles?: string[]
          ports?: unknown[]
          expose?: string[]
          secrets?: string[]
          environment?: Record<string, string>
        }
      >
      secrets?: Record<string, { environment?: string }>
    }
    for (const name of ['prometheus', 'grafana'])
      expect(compose.services[name]?.profiles).toEqual(['monitoring'])
    expect(compose.services.prometheus?.secrets).toEqual(['metrics_token'])
    expect(compose.secrets?.metrics_token).toEqual({ environment: 'METRICS_TOKEN' })
    const worker = compose.services.worker
    expect(worker?.ports).toBeUndefined()
    expect(worker?.expose).toEqual(['9464'])
    expect(worker?.environment).toMatchObject({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' })
  })

  it('kubernetes: keeps policydesk web and worker pods, with the token file', () => {
    const [configMap, secret] = parseAllDocuments(read('infra/k8s/prometheus-scrape.yaml')).map((d) =>
      d.toJS(),
    )
    expect(secret.kind).toBe('Secret')
    expect(Object.keys(secret.stringData)).toEqual(['metrics-token'])
    const config = parse(configMap.data['prometheus.yml']) as {
      scrape_configs: (ScrapeJob & { relabel_configs: { regex: string; action?: string }[] })[]
    }
    const keep = (job: string) =>
      config.scrape_configs
        .find((j) => j.job_name === job)
        ?.relabel_configs.filter((r) => r.action === 'keep')
        .map((r) => r.regex)
    expect(keep('policydesk-web')).toEqual(['policydesk;web', '3000'])
    expect(keep('policydesk-worker')).toEqual(['policydesk;worker', 'metrics'])
    for (const job of config.scrape_configs)
      expect(job.authorization?.credentials_file).toBe('/etc/policydesk/metrics-token')
  })

  it('kubernetes: the worker names its metrics port and serves it on the pod network', () => {
    const [deployment] = parseAllDocuments(read('infra/k8s/worker-deployment.yaml')).map((d) => d.toJS())
    const template = deployment.spec.template
    const container = template.spec.containers[0]
    expect(container.ports).toEqual([{ name: 'metrics', containerPort: 9464 }])
    expect(container.env).toEqual(
      expect.arrayContaining([
        { name: 'METRICS_PORT', value: '9464' },
        { name: 'METRICS_HOST', value: '0.0.0.0' },
      ]),
    )
    expect(template.metadata.annotations).toMatchObject({
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': '9464',
    })
  })
})
