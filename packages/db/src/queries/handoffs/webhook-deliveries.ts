import { and, desc, eq, lte, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../client'
import { handoffs, type WebhookDelivery, webhookDeliveries } from '../../schema'

/** Where handoff events go (HANDOFF_WEBHOOK_URL); null/undefined = no webhook configured. */
export type HandoffWebhook = { url: string }

export type HandoffEvent = 'handoff.created' | 'handoff.replied'

/** Queues one event: a `pending` row due now. Call inside the transaction that makes the change. */
export async function enqueueWebhook(
  db: DbOrTx,
  webhook: HandoffWebhook,
  input: { handoffId: string; event: HandoffEvent; payload: Record<string, unknown> },
): Promise<string> {
  const [row] = await db
    .insert(webhookDeliveries)
    .values({
      handoffId: input.handoffId,
      event: input.event,
      url: webhook.url,
      payload: { event: input.event, ...input.payload },
      nextAttemptAt: new Date(),
    })
    .returning({ id: webhookDeliveries.id })
  if (!row) throw new Error('Could not queue the webhook delivery')
  return row.id
}

/** Pending deliveries due now (or the given ids, when still pending), oldest first. */
export async function dueWebhookDeliveries(
  db: DbOrTx,
  input: { now?: Date; ids?: string[]; limit?: number } = {},
): Promise<WebhookDelivery[]> {
  const now = input.now ?? new Date()
  const due = input.ids?.length
    ? sql`${webhookDeliveries.id} = any(${sql.param(input.ids)}::uuid[])`
    : or(lte(webhookDeliveries.nextAttemptAt, now), sql`${webhookDeliveries.nextAttemptAt} is null`)
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'pending'), due))
    .orderBy(webhookDeliveries.createdAt)
    .limit(input.limit ?? 20)
}

/**
 * Claims a delivery for one attempt: pushes its next attempt past the attempt's timeout so a second
 * poller (web and worker both deliver) does not post it concurrently. False = someone else has it.
 */
export async function claimWebhookDelivery(db: DbOrTx, id: string, leaseMs: number): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: new Date(Date.now() + leaseMs) })
    .where(
      and(
        eq(webhookDeliveries.id, id),
        eq(webhookDeliveries.status, 'pending'),
        or(lte(webhookDeliveries.nextAttemptAt, new Date()), sql`${webhookDeliveries.nextAttemptAt} is null`),
      ),
    )
    .returning({ id: webhookDeliveries.id })
  return rows.length > 0
}

/** Records one attempt's outcome: delivered, retried at `retryAt`, or `failed` (retryAt null). */
export async function recordWebhookAttempt(
  db: DbOrTx,
  input: { id: string; ok: boolean; statusCode: number | null; error: string | null; retryAt: Date | null },
): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      lastStatusCode: input.statusCode,
      lastError: input.ok ? null : input.error,
      status: input.ok ? 'delivered' : input.retryAt ? 'pending' : 'failed',
      deliveredAt: input.ok ? new Date() : null,
      nextAttemptAt: input.ok ? null : input.retryAt,
      updatedAt: new Date(),
    })
    .where(eq(webhookDeliveries.id, input.id))
}

export type WebhookDeliveryRow = Pick<
  WebhookDelivery,
  | 'id'
  | 'event'
  | 'url'
  | 'status'
  | 'attempts'
  | 'lastError'
  | 'lastStatusCode'
  | 'createdAt'
  | 'deliveredAt'
> & { handoffId: string | null; question: string | null }

/** For the admin System page: failed and pending deliveries first, then the latest delivered. */
export async function listWebhookDeliveries(db: DbOrTx, limit = 20): Promise<WebhookDeliveryRow[]> {
  return db
    .select({
      id: webhookDeliveries.id,
      event: webhookDeliveries.event,
      url: webhookDeliveries.url,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      lastError: webhookDeliveries.lastError,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      createdAt: webhookDeliveries.createdAt,
      deliveredAt: webhookDeliveries.deliveredAt,
      handoffId: webhookDeliveries.handoffId,
      question: handoffs.question,
    })
    .from(webhookDeliveries)
    .leftJoin(handoffs, eq(handoffs.id, webhookDeliveries.handoffId))
    .orderBy(
      sql`case ${webhookDeliveries.status} when 'failed' then 0 when 'pending' then 1 else 2 end`,
      desc(webhookDeliveries.createdAt),
    )
    .limit(limit)
}

/** An admin's retry of a failed delivery: pending again, due now, with a fresh attempt budget. */
export async function retryWebhookDelivery(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: new Date(), updatedAt: new Date() })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, 'failed')))
    .returning({ id: webhookDeliveries.id })
  return rows.length > 0
}
