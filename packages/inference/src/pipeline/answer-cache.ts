import { createHash } from 'node:crypto'
import { type DbOrTx, schema, sql } from '@policydesk/db'
import { normalizeText } from '@policydesk/ingest'
import { eq, lt } from 'drizzle-orm'
import type { AnswerResult } from './types'

export function normalizeQuestion(question: string): string {
  return normalizeText(question)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Permissions and corpus state are part of the key: a cached answer never crosses either. */
export function answerCacheKey(parts: {
  query: string
  groupIds: string[]
  revision: number
  promptVersion: string
  model: string
  filters: unknown
}): string {
  const material = JSON.stringify([
    normalizeQuestion(parts.query),
    [...parts.groupIds].sort(),
    parts.revision,
    parts.promptVersion,
    parts.model,
    parts.filters ?? null,
  ])
  return createHash('sha256').update(material).digest('hex')
}

export async function readCachedAnswer(db: DbOrTx, key: string): Promise<AnswerResult | null> {
  const [row] = await db.select().from(schema.answerCache).where(eq(schema.answerCache.key, key))
  return row ? (row.result as unknown as AnswerResult) : null
}

export async function writeCachedAnswer(
  db: DbOrTx,
  key: string,
  revision: number,
  result: AnswerResult,
): Promise<void> {
  await db
    .insert(schema.answerCache)
    .values({ key, revision, result: result as unknown as Record<string, unknown> })
    .onConflictDoNothing()
  // Entries of older revisions can never be hit again.
  await db.delete(schema.answerCache).where(lt(schema.answerCache.revision, sql`${revision}`))
}
