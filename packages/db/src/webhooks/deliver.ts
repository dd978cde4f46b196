import { createHmac } from 'node:crypto'
import type { DbOrTx } from '../client'
import {
  claimWebhookDelivery,
  dueWebhookDeliveries,
  recordWebhookAttempt,
} from '../queries/handoffs/webhook-deliveries'
import type { WebhookDelivery } from '../schema'

/*
 * Outbound handoff webhooks. Deliveries are rows (webhook_deliveries) scheduled with exponential backoff;
 * whoever runs `deliverDueWebhooks` posts them: the web app right after the change (so the receiver hears
 * within a second) and the worker's poll loop for retries. A DB schedule instead of a BullMQ job because
 * the worker also runs without Redis (inline mode), and the row is the record admins see anyway.
 */

export type WebhookSettings = {
  secret: string
  /** Attempts before `failed` (first try included). */
  maxAttempts?: number
  /** Delay before the 2nd attempt; doubles after each failure. */
  baseDelayMs?: number
  timeoutMs?: number
  fetch?: typeof fetch
}

export const WEBHOOK_DEFAULTS = { maxAttempts: 5, baseDelayMs: 10_000, timeoutMs: 10_000 } as const

/**
 * The signature: hex HMAC-SHA256, keyed with HANDOFF_WEBHOOK_SECRET, of `<timestamp>.<raw body>` where
 * timestamp is the X-PolicyDesk-Timestamp header (Unix seconds). Signing the timestamp lets a receiver
 * refuse replays of an old delivery. Sent as `X-PolicyDesk-Signature: sha256=<hex>`.
 */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

/** Delay before attempt n+1 after n failed attempts: base, 2×base, 4×base, … */
export const backoffDelay = (failedAttempts: number, baseDelayMs: number) =>
  baseDelayMs * 2 ** Math.max(0, failedAttempts - 1)

type AttemptOutcome = { ok: boolean; statusCode: number | null; error: string | null }

async function post(delivery: WebhookDelivery, settings: WebhookSettings): Promise<AttemptOutcome> {
  const body = JSON.stringify({ id: delivery.id, ...delivery.payload })
  const timestamp = String(Math.floor(Date.now() / 1000))
  const doFetch = settings.fetch ?? fetch
  try {
    const response = await doFetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'PolicyDesk-Webhook/1',
        'x-policydesk-event': delivery.event,
        'x-policydesk-delivery': delivery.id,
        'x-policydesk-timestamp': timestamp,
        'x-policydesk-signature': signWebhook(settings.secret, timestamp, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(settings.timeoutMs ?? WEBHOOK_DEFAULTS.timeoutMs),
    })
    await response.body?.cancel()
    if (response.status >= 200 && response.status < 300)
      return { ok: true, statusCode: response.status, error: null }
    return { ok: false, statusCode: response.status, error: `HTTP ${response.status}` }
  } catch (error) {
    const message =
      error instanceof Error && error.name === 'TimeoutError'
        ? 'Timed out'
        : error instanceof Error
          ? error.message
          : String(error)
    return { ok: false, statusCode: null, error: message.slice(0, 500) }
  }
}

/** Makes one attempt at each due delivery (or at `ids`): returns how many were delivered. */
export async function deliverDueWebhooks(
  db: DbOrTx,
  settings: WebhookSettings,
  options: { ids?: string[] } = {},
): Promise<{ attempted: number; delivered: number }> {
  const maxAttempts = settings.maxAttempts ?? WEBHOOK_DEFAULTS.maxAttempts
  const baseDelayMs = settings.baseDelayMs ?? WEBHOOK_DEFAULTS.baseDelayMs
  const timeoutMs = settings.timeoutMs ?? WEBHOOK_DEFAULTS.timeoutMs
  let attempted = 0
  let delivered = 0
  for (const delivery of await dueWebhookDeliveries(db, { ids: options.ids })) {
    // Lease past the timeout: a second deliverer skips it while this attempt is in flight.
    if (!(await claimWebhookDelivery(db, delivery.id, timeoutMs + 5_000))) continue
    attempted++
    const outcome = await post(delivery, settings)
    const failedSoFar = delivery.attempts + 1
    const retryAt =
      outcome.ok || failedSoFar >= maxAttempts
        ? null
        : new Date(Date.now() + backoffDelay(failedSoFar, baseDelayMs))
    await recordWebhookAttempt(db, { id: delivery.id, ...outcome, retryAt })
    if (outcome.ok) delivered++
  }
  return { attempted, delivered }
}
