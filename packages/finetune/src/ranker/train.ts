import {
  chunkKey,
  type FeatureContext,
  RANKER_FEATURES,
  type RankerArtifact,
  rankerArtifactSchema,
  rankerFeatures,
  scoreRows,
} from '@policydesk/inference'
import { UserFacingError } from '@policydesk/runtime'
import { hashUnit } from '../dataset/split'
import { fitNormalisation, type LogisticOptions, standardise, trainLogistic } from './logistic'
import { accuracy, auc, firstPositiveRank, round } from './metrics'
import type { FeedbackSignal, RankerTrace } from './training-data'

export type RankerTrainOptions = LogisticOptions & {
  /** Share of questions held out for the reported metrics (split by question text hash). */
  heldOutShare: number
  /** Give positives and negatives equal total weight (there are many more negatives). */
  balance: boolean
}

export const defaultRankerOptions: RankerTrainOptions = {
  heldOutShare: 0.2,
  balance: true,
  l2: 0.01,
  learningRate: 0.5,
  epochs: 2_000,
}

type Counts = [number, number]
const add = (table: Map<string, Counts>, key: string, pos: number, neg: number) => {
  const entry = table.get(key) ?? [0, 0]
  table.set(key, [entry[0] + pos, entry[1] + neg])
}

/** Review history per passage key from strong labels, plus thumbs on cited passages. */
function priorTable(traces: RankerTrace[], feedback: FeedbackSignal[]): Map<string, Counts> {
  const table = new Map<string, Counts>()
  for (const t of traces)
    for (const c of t.candidates)
      if (c.label?.strong) add(table, chunkKey(c.text), c.label.label, 1 - c.label.label)
  for (const f of feedback)
    for (const text of f.chunkTexts)
      add(table, chunkKey(text), f.rating === 'up' ? 1 : 0, f.rating === 'up' ? 0 : 1)
  return table
}

/** Effective dates scaled to [0, 1] over the corpus' range, per document (its newest date). */
function recencyTable(traces: RankerTrace[]): Record<string, number> {
  const latest = new Map<string, number>()
  for (const t of traces)
    for (const c of t.candidates) {
      if (!c.effectiveDate) continue
      const time = Date.parse(c.effectiveDate)
      if (Number.isFinite(time))
        latest.set(c.documentSlug, Math.max(latest.get(c.documentSlug) ?? time, time))
    }
  const times = [...latest.values()]
  const min = Math.min(...times)
  const span = Math.max(...times) - min
  return Object.fromEntries([...latest].map(([slug, time]) => [slug, span > 0 ? (time - min) / span : 0.5]))
}

type Row = { features: number[]; label: number; weight: number; strong: boolean }

/** Feature rows of every candidate of a trace, with passage history from `table`. */
function rowsOf(trace: RankerTrace, table: Map<string, Counts>, recency: Record<string, number>) {
  const context: FeatureContext = {
    prior: (c) => table.get(chunkKey(c.text)) ?? [0, 0],
    recency: (c) => recency[c.documentSlug] ?? null,
  }
  const features = rankerFeatures(trace.query, trace.candidates, context)
  return trace.candidates.map((c, i) => ({ candidate: c, features: features[i] ?? [] }))
}

/**
 * Passage history for training rows must not contain the rows' own labels, or the model learns to trust
 * it far more than it deserves. Leave-one-out is not enough: it shifts positives' history down and
 * negatives' up (a known target-encoding leak) and taught the model a negative weight. Out-of-fold
 * tables (questions hashed into folds; each fold's rows see the other folds' history) avoid both.
 */
const PRIOR_FOLDS = 5

function outOfFoldRows(
  traces: RankerTrace[],
  feedback: FeedbackSignal[],
  recency: Record<string, number>,
): ReturnType<typeof rowsOf>[] {
  const fold = (key: string) => Math.floor(hashUnit(`fold:${key}`) * PRIOR_FOLDS)
  const tables = Array.from({ length: PRIOR_FOLDS }, (_, k) =>
    priorTable(
      traces.filter((t) => fold(t.splitKey) !== k),
      feedback.filter((f) => fold(f.splitKey) !== k),
    ),
  )
  return traces.map((t) => rowsOf(t, tables[fold(t.splitKey)] ?? new Map(), recency))
}

const labelled = (rows: ReturnType<typeof rowsOf>): Row[] =>
  rows.flatMap(({ candidate, features }) =>
    candidate.label
      ? [
          {
            features,
            label: candidate.label.label,
            weight: candidate.label.weight,
            strong: candidate.label.strong,
          },
        ]
      : [],
  )

export type RankerReport = {
  examples: { train: number; heldOut: number; positives: number; negatives: number; weakNegatives: number }
  traces: { train: number; heldOut: number }
  heldOut: {
    auc: number | null
    aucStrongLabels: number | null
    accuracy: number | null
    /** Per held-out trace with a positive: where the first positive lands, fused order vs ranker order. */
    ranking: {
      traces: number
      mrrFused: number | null
      mrrRanker: number | null
      top1Fused: number | null
      top1Ranker: number | null
    }
  }
  train: { auc: number | null; loss: number }
  weights: Record<string, number>
}

/**
 * Trains the ranker: features from `rankerFeatures` (the same function inference scores with), logistic
 * regression with L2, metrics on questions held out by hash. Returns the artifact inference loads.
 */
export function trainRanker(
  traces: RankerTrace[],
  feedback: FeedbackSignal[],
  options: RankerTrainOptions = defaultRankerOptions,
): { artifact: RankerArtifact; report: RankerReport } {
  const isHeldOut = (key: string) => hashUnit(`ranker:${key}`) < options.heldOutShare
  const trainTraces = traces.filter((t) => !isHeldOut(t.splitKey))
  const heldTraces = traces.filter((t) => isHeldOut(t.splitKey))
  const recency = recencyTable(traces)

  const trainFeedback = feedback.filter((f) => !isHeldOut(f.splitKey))
  const train = outOfFoldRows(trainTraces, trainFeedback, recency).flatMap(labelled)
  const positives = train.filter((r) => r.label === 1)
  if (positives.length === 0 || positives.length === train.length)
    throw new UserFacingError(
      `Need both relevant and irrelevant passages to train on (have ${positives.length} of ${train.length}); review more answers or run \`policydesk finetune seed-reviews\``,
    )
  const normalisation = fitNormalisation(train.map((r) => r.features))
  const x = standardise(
    train.map((r) => r.features),
    normalisation,
  )
  const y = train.map((r) => r.label)
  const posWeight = positives.reduce((s, r) => s + r.weight, 0)
  const negWeight = train.reduce((s, r) => s + (r.label === 0 ? r.weight : 0), 0)
  const w = train.map((r) =>
    options.balance && r.label === 1 ? (r.weight * negWeight) / posWeight : r.weight,
  )
  const model = trainLogistic(x, y, w, options)
  const artifactCore = { normalisation, weights: model.weights, bias: model.bias }
  // Scored exactly as inference will score them.
  const score = (rows: number[][]) => scoreRows(artifactCore, rows)

  // Held-out questions and inference see the history of every training answer.
  const table = priorTable(trainTraces, trainFeedback)
  const heldRows = heldTraces.map((t) => rowsOf(t, table, recency))
  const held = heldRows.flatMap(labelled)
  const heldScores = score(held.map((r) => r.features))
  const strong = held.map((r, i) => ({ r, s: heldScores[i] ?? 0 })).filter(({ r }) => r.strong)
  const ranks = heldRows.flatMap((rows) => {
    const positive = rows.map(({ candidate }) => candidate.label?.label === 1)
    if (!positive.some(Boolean)) return []
    const fused = firstPositiveRank(
      rows.map(({ candidate }) => candidate.fusedScore),
      positive,
    )
    const ranked = firstPositiveRank(score(rows.map((r) => r.features)), positive)
    return [{ fused: fused ?? Number.POSITIVE_INFINITY, ranked: ranked ?? Number.POSITIVE_INFINITY }]
  })
  const mean = (values: number[]) =>
    values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length

  const report: RankerReport = {
    examples: {
      train: train.length,
      heldOut: held.length,
      positives: positives.length,
      negatives: train.filter((r) => r.label === 0 && r.strong).length,
      weakNegatives: train.filter((r) => r.label === 0 && !r.strong).length,
    },
    traces: { train: trainTraces.length, heldOut: heldTraces.length },
    heldOut: {
      auc: round(
        auc(
          heldScores,
          held.map((r) => r.label),
        ),
      ),
      aucStrongLabels: round(
        auc(
          strong.map((e) => e.s),
          strong.map((e) => e.r.label),
        ),
      ),
      accuracy: round(
        accuracy(
          heldScores,
          held.map((r) => r.label),
        ),
      ),
      ranking: {
        traces: ranks.length,
        mrrFused: round(mean(ranks.map((r) => 1 / r.fused))),
        mrrRanker: round(mean(ranks.map((r) => 1 / r.ranked))),
        top1Fused: round(mean(ranks.map((r) => (r.fused === 1 ? 1 : 0)))),
        top1Ranker: round(mean(ranks.map((r) => (r.ranked === 1 ? 1 : 0)))),
      },
    },
    train: { auc: round(auc(score(train.map((r) => r.features)), y)), loss: round(model.loss, 5) ?? 0 },
    weights: Object.fromEntries(RANKER_FEATURES.map((f, i) => [f, round(model.weights[i] ?? 0, 4) ?? 0])),
  }
  const artifact = rankerArtifactSchema.parse({
    kind: 'policydesk-ranker',
    version: 1,
    createdAt: new Date().toISOString(),
    model: 'logistic-regression',
    features: [...RANKER_FEATURES],
    ...artifactCore,
    chunkPriors: Object.fromEntries(table),
    documentRecency: recency,
    metrics: { heldOut: report.heldOut, train: report.train },
    training: {
      examples: report.examples,
      traces: report.traces,
      hyperparameters: options,
    },
  })
  return { artifact, report }
}
