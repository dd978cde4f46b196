import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { contentTerms, normalizeText } from '@policydesk/text'
import { z } from 'zod'
import type { Candidate } from './types'

/**
 * Learned re-ranking: scores retrieval candidates with a small model trained offline by
 * `policydesk finetune train-ranker` (packages/finetune) and re-orders them before the context is picked.
 * Only loading and scoring live here; the training side imports `rankerFeatures` so both compute the very
 * same numbers. Every feature comes from the candidate, the question and the artifact's own tables: no
 * extra query on the inference path.
 */
export const RANKER_FEATURES = [
  'vector_score',
  'text_score',
  'vector_rank_inv',
  'text_rank_inv',
  'fused_score',
  'fused_relative',
  'text_relative',
  'title_overlap',
  'text_overlap',
  'recency',
  'log_tokens',
  'chunk_prior',
] as const

export const rankerArtifactSchema = z
  .object({
    kind: z.literal('policydesk-ranker'),
    version: z.literal(1),
    createdAt: z.string(),
    model: z.literal('logistic-regression'),
    features: z.array(z.string()),
    normalisation: z.object({ mean: z.array(z.number()), std: z.array(z.number().positive()) }),
    weights: z.array(z.number()),
    bias: z.number(),
    /** Review history per passage, keyed by `chunkKey(text)`: [cited in good answers, in bad ones]. */
    chunkPriors: z.record(z.string(), z.tuple([z.number().min(0), z.number().min(0)])),
    /** Per document slug: effective date scaled to [0, 1] over the training corpus' date range. */
    documentRecency: z.record(z.string(), z.number().min(0).max(1)),
    metrics: z.record(z.string(), z.unknown()),
    training: z.record(z.string(), z.unknown()),
  })
  .superRefine((a, ctx) => {
    if (a.features.join() !== RANKER_FEATURES.join())
      ctx.addIssue({
        code: 'custom',
        path: ['features'],
        message: `trained on [${a.features.join(', ')}], this build computes [${RANKER_FEATURES.join(', ')}]: retrain`,
      })
    const n = a.features.length
    if (a.weights.length !== n || a.normalisation.mean.length !== n || a.normalisation.std.length !== n)
      ctx.addIssue({ code: 'custom', path: ['weights'], message: `expected ${n} weights, means and stds` })
  })

export type RankerArtifact = z.infer<typeof rankerArtifactSchema>

/** What a feature needs to know about a candidate (Candidate has it; training rebuilds it from traces). */
export type RankerInput = Pick<
  Candidate,
  | 'documentSlug'
  | 'title'
  | 'headingPath'
  | 'text'
  | 'tokenCount'
  | 'vectorScore'
  | 'vectorRank'
  | 'textScore'
  | 'textRank'
  | 'fusedScore'
>

export type FeatureContext = {
  /** [positive, negative] review counts of this passage. */
  prior: (candidate: RankerInput) => readonly [number, number]
  /** Recency in [0, 1]; null when unknown. */
  recency: (candidate: RankerInput) => number | null
}

/** Stable across databases (chunk ids are not): the passage text, whitespace-normalised. */
export const chunkKey = (text: string) =>
  createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 16)

/**
 * The set of content terms of a text, equal to `new Set(contentTerms(text))` but stemming each distinct
 * word once per process: stemming every word of ~50 passages per question was most of the re-rank time.
 */
const termCache = new Map<string, string>()
function termSet(text: string): Set<string> {
  const out = new Set<string>()
  for (const word of new Set(normalizeText(text).match(/[\p{L}\p{N}]+/gu) ?? [])) {
    let term = termCache.get(word)
    if (term === undefined) {
      term = contentTerms(word)[0] ?? '' // '' = a stop word
      if (termCache.size >= 100_000) termCache.clear()
      termCache.set(word, term)
    }
    if (term) out.add(term)
  }
  return out
}

/**
 * Per passage text: its term set and key. Passages recur across questions, and their texts never change
 * (a new version means new chunks), so the work is done once per process for each (bounded cache).
 */
const passageCache = new Map<string, { terms: Set<string>; key: string }>()
function passageInfo(text: string): { terms: Set<string>; key: string } {
  let info = passageCache.get(text)
  if (!info) {
    info = { terms: termSet(text), key: chunkKey(text) }
    if (passageCache.size >= 20_000) passageCache.clear()
    passageCache.set(text, info)
  }
  return info
}

const overlap = (question: Set<string>, terms: Set<string>) => {
  if (question.size === 0) return 0
  let shared = 0
  for (const term of question) if (terms.has(term)) shared++
  return shared / question.size
}

/** One feature row per candidate, in RANKER_FEATURES order. List-wise features look at all candidates. */
export function rankerFeatures(
  question: string,
  candidates: RankerInput[],
  context: FeatureContext,
): number[][] {
  const terms = new Set(contentTerms(question))
  const maxFused = Math.max(1e-9, ...candidates.map((c) => c.fusedScore))
  const maxText = Math.max(1e-9, ...candidates.map((c) => c.textScore ?? 0))
  return candidates.map((c) => {
    const [pos, neg] = context.prior(c)
    return [
      c.vectorScore ?? 0,
      c.textScore ?? 0,
      c.vectorRank === null ? 0 : 1 / c.vectorRank,
      c.textRank === null ? 0 : 1 / c.textRank,
      c.fusedScore,
      c.fusedScore / maxFused,
      (c.textScore ?? 0) / maxText,
      overlap(terms, termSet([c.title, ...c.headingPath].join(' '))),
      overlap(terms, passageInfo(c.text).terms),
      context.recency(c) ?? 0.5,
      Math.log1p(c.tokenCount),
      Math.log((pos + 1) / (neg + 1)),
    ]
  })
}

/** The logit of each row: standardised features times weights, plus bias. */
export function scoreRows(
  ranker: Pick<RankerArtifact, 'normalisation' | 'weights' | 'bias'>,
  rows: number[][],
) {
  const { mean, std } = ranker.normalisation
  return rows.map((row) =>
    row.reduce(
      (sum, x, i) => sum + (ranker.weights[i] ?? 0) * ((x - (mean[i] ?? 0)) / (std[i] ?? 1)),
      ranker.bias,
    ),
  )
}

export function artifactContext(ranker: RankerArtifact): FeatureContext {
  return {
    prior: (c) => ranker.chunkPriors[passageInfo(c.text).key] ?? [0, 0],
    recency: (c) => ranker.documentRecency[c.documentSlug] ?? null,
  }
}

/** Candidates in ranker order (ties keep the fused order), `rank` renumbered to the new positions. */
export function rerankCandidates<T extends RankerInput & { rank: number }>(
  question: string,
  candidates: T[],
  ranker: RankerArtifact,
): T[] {
  const scores = scoreRows(ranker, rankerFeatures(question, candidates, artifactContext(ranker)))
  return candidates
    .map((candidate, index) => ({ candidate, index, score: scores[index] ?? 0 }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ candidate }, i) => ({ ...candidate, rank: i + 1 }))
}

export function parseRanker(json: unknown, source: string): RankerArtifact {
  const parsed = rankerArtifactSchema.safeParse(json)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')
  throw new Error(`${source} is not a valid ranker artifact: ${problems}`)
}

const loaded = new Map<string, RankerArtifact>()

/** Reads and validates an artifact once per process and path; failures are not cached. */
export function loadRanker(file: string): RankerArtifact {
  const resolved = path.resolve(file)
  const cached = loaded.get(resolved)
  if (cached) return cached
  let text: string
  try {
    text = readFileSync(resolved, 'utf8')
  } catch (error) {
    throw new Error(
      `cannot read ranker ${resolved}: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new Error(`${resolved} is not JSON (expected a ranker artifact from \`finetune train-ranker\`)`)
  }
  const ranker = parseRanker(json, resolved)
  loaded.set(resolved, ranker)
  return ranker
}
