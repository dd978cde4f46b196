import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { id } from './columns'
import { users } from './users'

export const apiTokenKinds = ['personal', 'service'] as const
export type ApiTokenKind = (typeof apiTokenKinds)[number]

/**
 * API tokens (`Authorization: Bearer pd_…`). Only the SHA-256 of the secret is stored: the secret is shown
 * once, when the token is created. A token acts as its user — role and groups read on every request, like
 * a session — and only within its scopes. `service` tokens are issued by an admin for an account (a person
 * or a service identity); `personal` ones by the user themselves. Rules: packages/db/src/api-tokens.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    kind: text().$type<ApiTokenKind>().notNull(),
    /** The first characters of the secret (`pd_` + 6), to recognise a token in lists and logs. */
    prefix: text().notNull(),
    /** Hex SHA-256 of the whole secret; the lookup key when a request presents it. */
    secretHash: text().notNull().unique(),
    scopes: text().array().notNull(),
    createdById: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** Refreshed at most once a minute (a write per request would be a write per request). */
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    revokedById: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index().on(t.userId, t.createdAt),
    check('api_tokens_kind', sql`${t.kind} in ('personal', 'service')`),
  ],
)

export type ApiTokenRow = typeof apiTokens.$inferSelect
