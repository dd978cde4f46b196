import 'server-only'
import {
  deliverDueWebhooks,
  type HandoffRouting,
  type HandoffViewer,
  type HandoffWebhook,
  parseTagOwners,
  readHandoffEnv,
} from '@policydesk/db'
import { createLogger, errorMessage } from '@policydesk/runtime'
import type { SessionUser } from '@/lib/server/auth/current-user'
import { getDb } from '@/lib/server/db'

const log = createLogger('web:handoffs')

/** The signed-in user as a handoff viewer (their id, role and reading groups). */
export const handoffViewer = (user: SessionUser): HandoffViewer => ({
  userId: user.id,
  role: user.role,
  groupIds: user.groupIds,
})

/** Routing from HANDOFF_TAG_OWNERS / HANDOFF_DEFAULT_GROUP. */
export function handoffRouting(): HandoffRouting {
  const env = readHandoffEnv()
  return { tagOwners: parseTagOwners(env.HANDOFF_TAG_OWNERS), defaultGroup: env.HANDOFF_DEFAULT_GROUP }
}

/** The configured webhook (HANDOFF_WEBHOOK_URL), or null. */
export function handoffWebhook(): HandoffWebhook | null {
  const url = readHandoffEnv().HANDOFF_WEBHOOK_URL
  return url ? { url } : null
}

/**
 * First attempt at freshly queued deliveries, after the response: the receiver hears within a second,
 * and the request never waits on it. Failures are retried by the worker (apps/worker/src/webhook-worker.ts).
 */
export function deliverSoon(ids: string[]): void {
  const env = readHandoffEnv()
  const secret = env.HANDOFF_WEBHOOK_SECRET
  if (ids.length === 0 || !secret) return
  void deliverDueWebhooks(getDb(), { secret, baseDelayMs: env.HANDOFF_WEBHOOK_RETRY_MS }, { ids }).catch(
    (error) => log.warn('handoff webhook delivery failed', { error: errorMessage(error) }),
  )
}

/** The query layer's refusals as HTTP: not visible → 404, visible but not theirs to answer → 403. */
const STATUS: Record<string, number> = {
  'not-found': 404,
  'no-answer': 409,
  forbidden: 403,
  closed: 409,
  'bad-citation': 400,
  'bad-assignee': 400,
  'no-reply': 404,
}

export const handoffRefusal = (failure: { reason: string; message: string }) =>
  Response.json({ error: failure.message, reason: failure.reason }, { status: STATUS[failure.reason] ?? 400 })
