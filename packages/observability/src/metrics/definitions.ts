import { counter, gauge, histogram, SECONDS_BUCKETS } from './registry'

/**
 * Every metric Policy Desk exports, in one place (the Grafana dashboard in infra/grafana reads these
 * names). Functions, not constants: a metric exists in a process only once something there uses it.
 */

export const httpRequestDuration = () =>
  histogram({
    name: 'policydesk_http_request_duration_seconds',
    help: 'HTTP requests by route pattern, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: SECONDS_BUCKETS,
  })

export const ANSWER_OUTCOMES = ['answered', 'abstained', 'curated', 'cached', 'error'] as const
export type AnswerOutcome = (typeof ANSWER_OUTCOMES)[number]

export const answersTotal = () =>
  counter({ name: 'policydesk_answers_total', help: 'Answers by outcome', labelNames: ['outcome'] as const })

export const answerStageDuration = () =>
  histogram({
    name: 'policydesk_answer_stage_duration_seconds',
    help: 'Answer pipeline stages: embed, retrieve, generate, validate, total',
    labelNames: ['stage'] as const,
    buckets: SECONDS_BUCKETS,
  })

export const answerTimeToFirstToken = () =>
  histogram({
    name: 'policydesk_answer_ttft_seconds',
    help: 'Time from the question to the first generated token',
    buckets: SECONDS_BUCKETS,
  })

export const llmTokensTotal = () =>
  counter({
    name: 'policydesk_llm_tokens_total',
    help: 'Tokens sent to (in) and received from (out) the answer model',
    labelNames: ['model', 'direction'] as const,
  })

export const llmCostTotal = () =>
  counter({
    name: 'policydesk_llm_cost_usd_total',
    help: 'Estimated model cost in USD (LLM_PRICES)',
    labelNames: ['model'] as const,
  })

export const rateLimitRejections = () =>
  counter({
    name: 'policydesk_rate_limit_rejections_total',
    help: 'Requests refused with 429',
    labelNames: ['limiter'] as const,
  })

export const ingestJobsTotal = () =>
  counter({
    name: 'policydesk_ingest_jobs_total',
    help: 'Ingest jobs by outcome (ready, failed, error)',
    labelNames: ['outcome'] as const,
  })

export const ingestStageDuration = () =>
  histogram({
    name: 'policydesk_ingest_stage_duration_seconds',
    help: 'Ingest stages: parsing, chunking, embedding, storing, total',
    labelNames: ['stage'] as const,
    buckets: SECONDS_BUCKETS,
  })

export const reconcilerRuns = () =>
  counter({ name: 'policydesk_reconciler_runs_total', help: 'Reconciler passes' })

export const reconcilerRequeued = () =>
  counter({ name: 'policydesk_reconciler_requeued_total', help: 'Versions the reconciler enqueued again' })

export const queueJobs = (collect: (set: (state: string, value: number) => void) => Promise<void>) =>
  gauge({
    name: 'policydesk_queue_jobs',
    help: 'Ingest queue jobs by state (read from Redis at scrape time)',
    labelNames: ['state'] as const,
    async collect() {
      this.reset()
      await collect((state, value) => this.set({ state }, value))
    },
  })

export const dbPoolConnections = (read: () => { total: number; idle: number; waiting: number }) =>
  gauge({
    name: 'policydesk_db_pool_connections',
    help: 'Database pool connections: total, idle, and queries waiting for one',
    labelNames: ['state'] as const,
    collect() {
      const pool = read()
      this.set({ state: 'total' }, pool.total)
      this.set({ state: 'idle' }, pool.idle)
      this.set({ state: 'waiting' }, pool.waiting)
    },
  })

export const workerHeartbeatAge = (read: () => Promise<number | null>) =>
  gauge({
    name: 'policydesk_worker_heartbeat_age_seconds',
    help: 'Seconds since the most recent worker heartbeat (absent when no worker ever beat)',
    async collect() {
      this.reset()
      const age = await read().catch(() => null)
      if (age !== null) this.set(age)
    },
  })
