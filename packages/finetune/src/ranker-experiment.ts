import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import {
  type Database,
  ensureEmbeddingIndex,
  getUserByEmail,
  listGroups,
  seedDemoUsers,
} from '@policydesk/db'
import { startEphemeralDatabase } from '@policydesk/db/embedded'
import { createInferenceDeps, readInferenceEnv } from '@policydesk/inference'
import {
  createEmbeddingProvider,
  processVersion,
  readIngestEnv,
  submitDocumentVersion,
} from '@policydesk/ingest'
import { UserFacingError } from '@policydesk/runtime'
import { hashUnit } from './dataset/split'
import { writeRankerArtifact } from './ranker/artifact'
import type { RankerReport } from './ranker/train'
import { trainRankerFromDb } from './ranker/train-from-db'
import { generateSyntheticReviews, parseSyntheticQuestions, type SyntheticStats } from './synthetic-reviews'

/** Files of a corpus directory, recursively, sorted, dotfiles skipped (what `policydesk eval` ingests). */
async function corpusFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await corpusFiles(full)))
    else if (entry.isFile()) out.push(full)
  }
  return out.sort()
}

/** Ingests like `policydesk eval` does (no manifest: default titles and groups), so train and test match. */
async function ingestCorpus(db: Database, dir: string): Promise<void> {
  const embedder = createEmbeddingProvider()
  await ensureEmbeddingIndex(db, embedder.model, embedder.dimensions)
  const maxBytes = readIngestEnv().INGEST_MAX_MB * 1024 * 1024
  for (const file of await corpusFiles(dir)) {
    const submitted = await submitDocumentVersion(db, {
      sourceName: path.basename(file),
      bytes: await readFile(file),
    })
    await processVersion({ db, embedder, maxBytes }, submitted.versionId)
  }
}

export const isTrainQuestion = (id: string, trainShare: number, seed = 'questions') =>
  hashUnit(`${seed}:${id}`) < trainShare

export type RankerExperiment = {
  artifact: string
  trainQuestions: string
  heldOutQuestions: string
  questions: { train: number; heldOut: number }
  reviews: SyntheticStats
  report: RankerReport
}

/**
 * The ranker on the demo corpus without humans: in a throw-away database, answer the TRAIN share of the
 * questions (split by question id hash), review them synthetically, train a ranker on those reviews, and
 * write it with the two question files. The held-out questions are then scored by `policydesk eval` with
 * and without `RANKER=<artifact>`: none of them was seen in training.
 */
export async function runRankerExperiment(input: {
  corpusDir: string
  questionsFile: string
  outDir: string
  trainShare: number
  /** Another seed gives another split of the questions (to see how much the numbers move). */
  splitSeed?: string
  onProgress?: (stage: string, done: number, total: number) => void
}): Promise<RankerExperiment> {
  if (readInferenceEnv().RANKER !== 'off')
    throw new UserFacingError('Unset RANKER: the training answers must come from the fused ranking alone')
  const lines = (await readFile(input.questionsFile, 'utf8')).split('\n').filter((l) => l.trim() !== '')
  const questions = parseSyntheticQuestions(lines.join('\n'))
  const inTrain = (id: string) => isTrainQuestion(id, input.trainShare, input.splitSeed)
  const train = questions.filter((q) => inTrain(q.id))
  const heldOut = new Set(questions.filter((q) => !inTrain(q.id)).map((q) => q.id))
  await mkdir(input.outDir, { recursive: true })
  const trainQuestions = path.join(input.outDir, 'train-questions.jsonl')
  const heldOutQuestions = path.join(input.outDir, 'heldout-questions.jsonl')
  const pick = (held: boolean) =>
    lines
      .filter((_, i) => heldOut.has(questions[i]?.id ?? '') === held)
      .map((l) => `${l}\n`)
      .join('')
  await writeFile(trainQuestions, pick(false))
  await writeFile(heldOutQuestions, pick(true))

  const database = await startEphemeralDatabase()
  try {
    input.onProgress?.('ingesting', 0, 1)
    await seedDemoUsers(database.db)
    await ingestCorpus(database.db, input.corpusDir)
    const groupIds = (await listGroups(database.db)).map((g) => g.id)
    const reviewer = await getUserByEmail(database.db, 'analyst@example.com')
    const deps = createInferenceDeps(database.db, { settings: { cache: false } })
    const reviews = await generateSyntheticReviews(database.db, deps, {
      questions: train,
      // Like `policydesk eval`: a system asker that may read every group.
      askerFor: () => ({ userId: null, groupIds }),
      reviewerId: reviewer?.id ?? null,
      onProgress: (done, total) => input.onProgress?.('answering', done, total),
    })
    const { artifact, report } = await trainRankerFromDb(database.db)
    const file = await writeRankerArtifact(artifact, input.outDir)
    return {
      artifact: file,
      trainQuestions,
      heldOutQuestions,
      questions: { train: train.length, heldOut: heldOut.size },
      reviews,
      report,
    }
  } finally {
    await database.stop()
  }
}
