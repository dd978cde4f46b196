import {
  type DbOrTx,
  loadChunks,
  loadDistractorPool,
  loadReviewedTraces,
  loadUserNames,
} from '@policydesk/db'
import { dedupe, duplicateKey } from './dedupe'
import { type ChatExample, checkExample } from './format'
import { createPiiScrubber, type PiiCounts } from './pii'
import { seededRandom } from './random'
import { reconstructExample } from './reconstruct'
import { splitOf } from './split'
import type { ChunkRow, DropReason, ReviewedTrace } from './types'

export const DATASET_FORMATS = ['openai-chat'] as const
export type DatasetFormat = (typeof DATASET_FORMATS)[number]

/** What an export uses unless told otherwise: the CLI's flags and the Datasets page's form share them. */
export const DATASET_DEFAULTS = {
  verdicts: ['approved', 'corrected'],
  format: 'openai-chat',
  distractors: 0,
  seed: 'policydesk',
  validationShare: 0.1,
  maxTokens: 16_384,
} as const satisfies Partial<DatasetOptions>

export type DatasetOptions = {
  /** The exporting analyst's readable groups: only answers drawn entirely from these documents qualify. */
  groupIds: string[]
  verdicts: ('approved' | 'corrected')[]
  since?: Date
  format: DatasetFormat
  /** RAFT-style distractor passages from other documents mixed into each context. */
  distractors: number
  seed: string
  validationShare: number
  /** Per-example limit in o200k tokens; longer examples are dropped. */
  maxTokens: number
  piiPatterns: string[]
}

export type DatasetStats = {
  examples: number
  train: number
  validation: number
  tokens: { total: number; mean: number; max: number }
  labels: { approved: number; corrected: number; abstentions: number; augmentedContext: number }
  documents: { covered: number; slugs: string[] }
  distractors: { perExample: number; total: number }
  pii: PiiCounts
  considered: number
  dropped: Partial<Record<DropReason, number>>
}

export type BuiltDataset = {
  train: ChatExample[]
  validation: ChatExample[]
  stats: DatasetStats
  /** Every document version a line of the dataset quotes (context, distractors, quoted earlier turns). */
  versionIds: string[]
  /** Trace ids of the examples, in output order (train, then validation). */
  traceIds: string[]
}

const finalAnswer = (t: ReviewedTrace) => (t.verdict === 'corrected' ? (t.correctedAnswer ?? '') : t.answer)

/** Seeded picks from the pool, never from the example's own documents, without repeats. */
function pickDistractors(
  pool: { chunkId: string; documentId: string }[],
  exclude: Set<string>,
  count: number,
  random: () => number,
): string[] {
  const chosen = new Set<string>()
  for (let attempt = 0; chosen.size < count && attempt < count * 50 && pool.length > 0; attempt++) {
    const pick = pool[Math.floor(random() * pool.length)]
    if (pick && !exclude.has(pick.documentId)) chosen.add(pick.chunkId)
  }
  return [...chosen]
}

/**
 * Reviewed answers → chat fine-tuning examples: ACL-filtered in SQL, de-duplicated, rebuilt as the model
 * saw them, PII-scrubbed, format- and length-checked, split deterministically. Nothing is written.
 */
export async function buildDataset(db: DbOrTx, options: DatasetOptions): Promise<BuiltDataset> {
  const dropped: Partial<Record<DropReason, number>> = {}
  const drop = (reason: DropReason, n = 1) => {
    if (n > 0) dropped[reason] = (dropped[reason] ?? 0) + n
  }
  const { traces, excludedByAcl } = await loadReviewedTraces(db, options)
  drop('acl', excludedByAcl)
  const unique = dedupe(traces, (t) => duplicateKey(t.question, finalAnswer(t)))
  drop('duplicate', unique.dropped)

  const needed = unique.kept.flatMap((t) => [
    ...t.candidates.filter((c) => c.used).map((c) => c.chunkId),
    ...(t.correctedCitations ?? []).map((c) => c.chunkId),
  ])
  const chunks = await loadChunks(db, needed)
  const distractorIds = new Map<string, string[]>()
  if (options.distractors > 0) {
    const pool = await loadDistractorPool(db, options.groupIds)
    for (const t of unique.kept) {
      const own = new Set([
        ...t.candidates.filter((c) => c.used).map((c) => c.documentId),
        ...(t.correctedCitations ?? []).map((c) => c.documentId),
      ])
      const random = seededRandom(`${options.seed}:distractors:${t.traceId}`)
      distractorIds.set(t.traceId, pickDistractors(pool, own, options.distractors, random))
    }
  }
  const distractorChunks = await loadChunks(db, [...distractorIds.values()].flat())

  const scrubber = createPiiScrubber({ names: await loadUserNames(db), patterns: options.piiPatterns })
  const out = { train: [] as ChatExample[], validation: [] as ChatExample[] }
  const ids = { train: [] as string[], validation: [] as string[] }
  const versionIds = new Set<string>()
  const documents = new Map<string, string>()
  const labels = { approved: 0, corrected: 0, abstentions: 0, augmentedContext: 0 }
  const tokens = { total: 0, max: 0 }
  let distractorsUsed = 0

  for (const trace of unique.kept) {
    const distractors = (distractorIds.get(trace.traceId) ?? [])
      .map((id) => distractorChunks.get(id))
      .filter((c): c is ChunkRow => c !== undefined)
    const rebuilt = reconstructExample(trace, chunks, {
      distractors,
      random: seededRandom(`${options.seed}:order:${trace.traceId}`),
    })
    if (!rebuilt.ok) {
      drop(rebuilt.reason)
      continue
    }
    const example: ChatExample = {
      messages: rebuilt.example.messages.map((m) => ({ role: m.role, content: scrubber.scrub(m.content) })),
    }
    const check = checkExample(example, options.maxTokens)
    if (!check.ok) {
      drop(check.reason)
      continue
    }
    const side = splitOf(trace.traceId, options.validationShare)
    out[side].push(example)
    ids[side].push(trace.traceId)
    tokens.total += check.tokens
    tokens.max = Math.max(tokens.max, check.tokens)
    labels[trace.verdict]++
    if (trace.verdict === 'approved' && trace.abstained) labels.abstentions++
    if (rebuilt.augmented) labels.augmentedContext++
    distractorsUsed += distractors.length
    const distractorSet = new Set(distractors)
    for (const source of rebuilt.sources) {
      versionIds.add(source.versionId)
      if (!distractorSet.has(source)) documents.set(source.documentId, source.documentSlug)
    }
    // A rewritten question quotes the turn before it: its versions decide who may see the dataset too.
    for (const versionId of trace.earlierTurnVersionIds) versionIds.add(versionId)
  }

  const examples = out.train.length + out.validation.length
  return {
    train: out.train,
    validation: out.validation,
    versionIds: [...versionIds].sort(),
    traceIds: [...ids.train, ...ids.validation],
    stats: {
      examples,
      train: out.train.length,
      validation: out.validation.length,
      tokens: { ...tokens, mean: examples === 0 ? 0 : Math.round(tokens.total / examples) },
      labels,
      documents: { covered: documents.size, slugs: [...documents.values()].sort() },
      distractors: { perExample: options.distractors, total: distractorsUsed },
      pii: { ...scrubber.counts },
      considered: traces.length + excludedByAcl,
      dropped,
    },
  }
}

export const toJsonl = (examples: ChatExample[]) => examples.map((e) => `${JSON.stringify(e)}\n`).join('')
