import { afterAll, describe, expect, it } from 'vitest'
import { httpRequestDuration, queueJobs, rateLimitRejections } from './definitions'
import { recordAnswer, recordIngestJob } from './record'
import { metricsRegistry, setMetricsService } from './registry'
import { type MetricsServer, metricsAuthorized, renderMetrics, startMetricsServer } from './serve'

const servers: MetricsServer[] = []
afterAll(async () => {
  for (const server of servers) await server.close()
})

const answer = {
  abstained: false,
  cached: false,
  curatedAnswerId: null,
  model: 'gpt-test',
  latencyMs: { embed: 4, retrieve: 12, generate: 800, validate: 3, ttft: 150, total: 830 },
  usage: { tokensIn: 1200, tokensOut: 80, costUsd: 0.002 },
}

/** The value of one series in the exposition text, e.g. `policydesk_answers_total{outcome="cached"}` (any label order). */
async function sample(series: string): Promise<number | null> {
  const key = (text: string) => {
    const match = /^([^{ ]+)(?:\{(.*)\})?$/.exec(text)
    return `${match?.[1]}{${(match?.[2] ?? '').split(',').filter(Boolean).sort().join(',')}}`
  }
  const wanted = key(series)
  const { body } = await renderMetrics()
  for (const line of body.split('\n')) {
    const space = line.lastIndexOf(' ')
    if (space > 0 && key(line.slice(0, space)) === wanted) return Number(line.slice(space + 1))
  }
  return null
}

describe('metrics', () => {
  it('counts answers by outcome with stage latencies, first-token time, tokens and cost per model', async () => {
    setMetricsService('test')
    recordAnswer(answer)
    recordAnswer({ ...answer, cached: true })
    recordAnswer({ ...answer, abstained: true })
    recordAnswer({ ...answer, curatedAnswerId: 'c-1' })
    expect(await sample('policydesk_answers_total{outcome="answered",service="test"}')).toBe(1)
    expect(await sample('policydesk_answers_total{outcome="cached",service="test"}')).toBe(1)
    expect(await sample('policydesk_answers_total{outcome="curated",service="test"}')).toBe(1)
    expect(await sample('policydesk_answers_total{outcome="abstained",service="test"}')).toBe(1)
    // 800 ms generation falls in the 1 s bucket, not in the 0.5 s one.
    expect(
      await sample(
        'policydesk_answer_stage_duration_seconds_bucket{le="0.5",stage="generate",service="test"}',
      ),
    ).toBe(0)
    expect(
      await sample('policydesk_answer_stage_duration_seconds_bucket{le="1",stage="generate",service="test"}'),
    ).toBe(4)
    expect(await sample('policydesk_answer_ttft_seconds_count{service="test"}')).toBe(4)
    // Only the two answers a model produced (answered, abstained) used tokens.
    expect(await sample('policydesk_llm_tokens_total{model="gpt-test",direction="in",service="test"}')).toBe(
      2400,
    )
    expect(await sample('policydesk_llm_cost_usd_total{model="gpt-test",service="test"}')).toBeCloseTo(0.004)
  })

  it('observes ingest stages and reads gauges at scrape time', async () => {
    recordIngestJob('ready', { parseMs: 30, chunkMs: 5, embedMs: 200, storeMs: 50, totalMs: 300 })
    recordIngestJob('failed')
    expect(await sample('policydesk_ingest_jobs_total{outcome="ready",service="test"}')).toBe(1)
    expect(await sample('policydesk_ingest_jobs_total{outcome="failed",service="test"}')).toBe(1)
    expect(
      await sample('policydesk_ingest_stage_duration_seconds_count{stage="embedding",service="test"}'),
    ).toBe(1)
    let waiting = 3
    queueJobs(async (set) => set('waiting', waiting))
    expect(await sample('policydesk_queue_jobs{state="waiting",service="test"}')).toBe(3)
    waiting = 7
    expect(await sample('policydesk_queue_jobs{state="waiting",service="test"}')).toBe(7)
    // Registering again (a second import, a dev reload) returns the same metric instead of throwing.
    expect(httpRequestDuration()).toBe(httpRequestDuration())
    rateLimitRejections().inc({ limiter: 'chat' })
    expect(metricsRegistry().getSingleMetric('policydesk_rate_limit_rejections_total')).toBeDefined()
  })

  it('checks the bearer token in constant time and refuses when none is configured', () => {
    const token = 'a-long-metrics-token'
    expect(metricsAuthorized(`Bearer ${token}`, token)).toBe(true)
    expect(metricsAuthorized(`Bearer ${token}x`, token)).toBe(false)
    expect(metricsAuthorized(null, token)).toBe(false)
    expect(metricsAuthorized('Bearer ', undefined)).toBe(false)
  })

  it('serves the worker’s metrics on their own port, behind the token when one is set', async () => {
    const open = await startMetricsServer({ port: 0, host: '127.0.0.1' })
    const locked = await startMetricsServer({ port: 0, host: '127.0.0.1', token: 'a-long-metrics-token' })
    servers.push(open, locked)
    const res = await fetch(`http://127.0.0.1:${open.port}/metrics`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/plain')
    expect(await res.text()).toContain('policydesk_process_resident_memory_bytes')
    expect((await fetch(`http://127.0.0.1:${open.port}/other`)).status).toBe(404)
    expect((await fetch(`http://127.0.0.1:${locked.port}/metrics`)).status).toBe(401)
    const authed = await fetch(`http://127.0.0.1:${locked.port}/metrics`, {
      headers: { Authorization: 'Bearer a-long-metrics-token' },
    })
    expect(authed.status).toBe(200)
  })
})
