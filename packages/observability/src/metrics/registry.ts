import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

/**
 * One Prometheus registry per process, kept on globalThis so Next's dev reloads do not register the same
 * metric twice. `service` (web, worker) is a label on every series: one dashboard covers both.
 */
const holder = globalThis as unknown as { policydeskMetrics?: Registry }

export function metricsRegistry(): Registry {
  if (!holder.policydeskMetrics) {
    const registry = new Registry()
    collectDefaultMetrics({ register: registry, prefix: 'policydesk_' })
    holder.policydeskMetrics = registry
  }
  return holder.policydeskMetrics
}

/** Names the process in every series; call once at startup. */
export function setMetricsService(service: string): void {
  metricsRegistry().setDefaultLabels({ service })
}

type Config<L extends string> = { name: string; help: string; labelNames?: readonly L[] }

/** Returns the registered metric of that name, or registers it: metric modules stay import-order free. */
function single<M>(name: string, create: (registry: Registry) => M): M {
  const registry = metricsRegistry()
  return (registry.getSingleMetric(name) as M | undefined) ?? create(registry)
}

export const counter = <L extends string>(config: Config<L>) =>
  single(
    config.name,
    (registry) => new Counter<L>({ ...config, labelNames: config.labelNames ?? [], registers: [registry] }),
  )

export const histogram = <L extends string>(config: Config<L> & { buckets: number[] }) =>
  single(
    config.name,
    (registry) => new Histogram<L>({ ...config, labelNames: config.labelNames ?? [], registers: [registry] }),
  )

/** A gauge read at scrape time (queue depth, pool use): `collect` sets its values. */
export const gauge = <L extends string>(
  config: Config<L> & { collect?: (this: Gauge<L>) => Promise<void> | void },
) =>
  single(
    config.name,
    (registry) => new Gauge<L>({ ...config, labelNames: config.labelNames ?? [], registers: [registry] }),
  )

/** Latency buckets from 5 ms to 60 s: HTTP requests, answer stages, ingest stages. */
export const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60]
