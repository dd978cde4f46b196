import { createHash } from 'node:crypto'
import { type DbOrTx, readAnswerCache, writeAnswerCache } from '@policydesk/db'
import { normalizeText } from '@policydesk/text'
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
  /** The asker's profile attributes retrieval reads: answers differ by country, office, contract. */
  profile?: unknown
}): string {
  const material = JSON.stringify([
    normalizeQuestion(parts.query),
    [...parts.groupIds].sort(),
    parts.revision,
    parts.promptVersion,
    parts.model,
    parts.filters ?? null,
    parts.profile ?? null,
  ])
  return createHash('sha256').update(material).digest('hex')
}

export async function readCachedAnswer(db: DbOrTx, key: string): Promise<AnswerResult | null> {
  const result = await readAnswerCache(db, key)
  return result ? (result as unknown as AnswerResult) : null
}

export async function writeCachedAnswer(
  db: DbOrTx,
  key: string,
  revision: number,
  result: AnswerResult,
): Promise<void> {
  await writeAnswerCache(db, { key, revision, result: result as unknown as Record<string, unknown> })
}
