import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps } from './columns'
import { answerTraces, conversations, type TraceCitation } from './conversations'
import { curatedAnswers } from './curated-answers'
import { documents } from './documents'
import type { UserAttributes } from './profiles'
import { groups, users } from './users'

export const handoffStatuses = ['open', 'answered', 'closed'] as const
export const handoffStatus = pgEnum('handoff_status', handoffStatuses)
export type HandoffStatus = (typeof handoffStatuses)[number]

/**
 * A question handed to a person ("Ask a person"): a snapshot of what the employee saw, routed to the owner
 * group of the best-matching document. Visible to its asker, the routed group's members (when the group
 * holds the `handoffs` permission) and admins — rules in packages/db/src/access/.
 */
export const handoffs = pgTable(
  'handoffs',
  {
    id: id(),
    askerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    conversationId: uuid().references(() => conversations.id, { onDelete: 'set null' }),
    traceId: uuid().references(() => answerTraces.id, { onDelete: 'set null' }),
    question: text().notNull(),
    /** The answer (or abstention) the employee had been given, as they saw it. */
    answer: text().notNull().default(''),
    sources: jsonb().$type<TraceCitation[]>().notNull().default([]),
    /** The asker's attributes when they asked. */
    askerProfile: jsonb().$type<UserAttributes>().notNull().default({}),
    note: text(),
    /** The document whose owners it was routed to (best match of the answer's sources/candidates). */
    documentId: uuid().references(() => documents.id, { onDelete: 'set null' }),
    routedGroupId: uuid().references(() => groups.id, { onDelete: 'set null' }),
    status: handoffStatus().notNull().default('open'),
    assigneeId: uuid().references(() => users.id, { onDelete: 'set null' }),
    firstReplyAt: timestamp({ withTimezone: true }),
    /** Set when a reply was promoted to a curated answer. */
    curatedAnswerId: uuid().references(() => curatedAnswers.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index().on(t.askerId, t.createdAt),
    index().on(t.routedGroupId, t.status),
    index().on(t.status, t.createdAt),
  ],
)

/** A person's reply to a handoff; also written into the asker's conversation as a message. */
export const handoffReplies = pgTable(
  'handoff_replies',
  {
    id: id(),
    handoffId: uuid()
      .notNull()
      .references(() => handoffs.id, { onDelete: 'cascade' }),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    text: text().notNull(),
    /** Passages the replier cited; checked against the asker's access when written. */
    citations: jsonb().$type<TraceCitation[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.handoffId, t.createdAt)],
)

export const webhookDeliveryStatuses = ['pending', 'delivered', 'failed'] as const
export const webhookDeliveryStatus = pgEnum('webhook_delivery_status', webhookDeliveryStatuses)
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number]

/**
 * One outbound webhook event (HANDOFF_WEBHOOK_URL) and its delivery attempts: retried with backoff by a
 * job; `failed` after the last attempt, shown to admins on the System page.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    handoffId: uuid().references(() => handoffs.id, { onDelete: 'cascade' }),
    event: text().notNull(),
    url: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: webhookDeliveryStatus().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    lastStatusCode: integer(),
    nextAttemptAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index().on(t.status, t.nextAttemptAt)],
)

export type Handoff = typeof handoffs.$inferSelect
export type HandoffReply = typeof handoffReplies.$inferSelect
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect
