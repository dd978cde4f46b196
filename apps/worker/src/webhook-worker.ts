import { type Database, deliverDueWebhooks, readHandoffEnv } from '@policydesk/db'
import { errorMessage, type Logger } from '@policydesk/runtime'

/**
 * Retries of handoff webhooks (HANDOFF_WEBHOOK_URL): every `intervalMs`, one attempt at each delivery whose
 * backoff has elapsed. The web app makes the first attempt itself; this loop owns the retries, with Redis or
 * without (deliveries are rows, so the schedule survives restarts).
 */
export function startWebhookDelivery(input: { db: Database; log: Logger; intervalMs: number }): {
  close: () => Promise<void>
} {
  const env = readHandoffEnv()
  const secret = env.HANDOFF_WEBHOOK_SECRET
  if (!secret) return { close: async () => {} }
  let running: Promise<unknown> | null = null
  const tick = () => {
    if (running) return
    running = deliverDueWebhooks(input.db, { secret, baseDelayMs: env.HANDOFF_WEBHOOK_RETRY_MS })
      .then((result) => {
        if (result.attempted > 0) input.log.info('handoff webhooks attempted', result)
      })
      .catch((error) => input.log.warn('handoff webhook delivery failed', { error: errorMessage(error) }))
      .finally(() => {
        running = null
      })
  }
  const timer = setInterval(tick, input.intervalMs)
  timer.unref()
  return {
    close: async () => {
      clearInterval(timer)
      await running
    },
  }
}
