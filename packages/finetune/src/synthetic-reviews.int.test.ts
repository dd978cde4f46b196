import { type Database, schema } from '@policydesk/db'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import {
  createChatProvider,
  createInferenceDeps,
  type InferenceDeps,
  parseRanker,
  readInferenceEnv,
} from '@policydesk/inference'
import { ingestMarkdown, installNetworkGuard, type NetworkGuard } from '@policydesk/inference/testing'
import { createEmbeddingProvider, readEmbeddingsEnv } from '@policydesk/ingest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analystByEmail } from './dataset/analyst'
import { validateJsonl } from './dataset/format'
import { exportDataset } from './dataset/store'
import { trainRankerFromDb } from './ranker/train-from-db'
import { seedDemoReviews } from './seed-reviews'
import { parseSyntheticQuestions } from './synthetic-reviews'

/** Demo seeding end to end: sample-style questions → pipeline → synthetic reviews → dataset and ranker. */

const q = (value: Record<string, unknown>) => JSON.stringify(value)
const QUESTIONS = [
  q({
    id: 's1',
    question: 'How much does parking in the garage cost per day?',
    answerable: true,
    evidence: ['Parking in the company garage costs 5 EUR a day.'],
    answer: '5 EUR a day.',
  }),
  q({
    id: 's2',
    question: 'Before what time must a parking space be booked?',
    answerable: true,
    evidence: ['Employees book a space in the workplace app before 10:00.'],
  }),
  q({
    id: 's3',
    question: 'What is the daily limit for meals during business travel?',
    answerable: true,
    evidence: ['Meals during business travel are reimbursed up to 40 EUR a day.'],
  }),
  q({
    id: 's4',
    question: 'Within how many days must travel receipts be submitted?',
    answerable: true,
    evidence: ['Receipts are submitted within 30 days.'],
  }),
  q({
    id: 's5',
    question: 'Where are bicycles stored at the office?',
    answerable: true,
    evidence: ['Bicycles are stored in the locked basement room.'],
  }),
  q({
    id: 's6',
    question: 'What is the L4 salary band in Lisbon?',
    answerable: true,
    evidence: ['The L4 salary band in Lisbon is 60,000 to 71,000 EUR.'],
    requires_group: 'hr',
  }),
  q({ id: 's7', question: 'Does the company offer a pet insurance benefit?', answerable: false }),
  q({ id: 's8', question: 'Can I bring my dog to the office on Fridays?', answerable: false }),
].join('\n')

let guard: NetworkGuard
let database: TestDatabase
let db: Database
let deps: InferenceDeps

beforeAll(async () => {
  guard = installNetworkGuard()
  database = await startTestDatabase()
  db = database.db
  const embedder = createEmbeddingProvider(readEmbeddingsEnv({}))
  deps = createInferenceDeps(db, {
    embedder,
    chat: createChatProvider(readInferenceEnv({})),
    ranker: null,
    crossEncoder: null,
    settings: { maxSources: 6, cache: false },
  })
  const docs = [
    [
      'parking',
      'Parking Policy',
      'Parking in the company garage costs 5 EUR a day. Employees book a space in the workplace app before 10:00.',
    ],
    [
      'travel',
      'Travel Meals',
      'Meals during business travel are reimbursed up to 40 EUR a day. Receipts are submitted within 30 days.',
    ],
    ['bikes', 'Bicycles', 'Bicycles are stored in the locked basement room. Showers are on the first floor.'],
  ] as const
  for (const [slug, title, body] of docs) await ingestMarkdown(db, embedder, { slug, title, body })
  await ingestMarkdown(db, embedder, {
    slug: 'salary',
    title: 'Salary Bands',
    body: 'The L4 salary band in Lisbon is 60,000 to 71,000 EUR. Bands are reviewed every March.',
    groups: ['hr'],
  })
}, 120_000)

afterAll(async () => {
  await database?.stop()
  guard?.restore()
})

describe('seeding synthetic reviews', () => {
  it('answers and reviews every question once, as the right demo user', async () => {
    const questions = parseSyntheticQuestions(QUESTIONS)
    const stats = await seedDemoReviews(db, deps, questions)
    expect(stats.questions).toBe(8)
    expect(stats.skipped).toBe(0)
    expect(stats.approved + stats.corrected + stats.rejected).toBe(8)
    expect(stats.approved).toBeGreaterThanOrEqual(4)
    const again = await seedDemoReviews(db, deps, questions)
    expect(again).toMatchObject({ skipped: 8, approved: 0, corrected: 0, rejected: 0 })
    const reviews = await db.select().from(schema.reviews)
    expect(reviews.map((r) => r.notes).sort()).toEqual(questions.map((x) => `synthetic:${x.id}`))
    const traces = await db.select().from(schema.answerTraces)
    const salary = traces.find((t) => t.question.includes('salary band'))
    expect(salary?.citations.length).toBeGreaterThan(0) // asked by hr@example.com, who may read it
    expect(guard.blocked).toEqual([])
  })

  it('then exports a valid dataset that leaves out what the analyst may not read', async () => {
    const analyst = await analystByEmail(db, 'analyst@example.com')
    const exported = await exportDataset(db, {
      actorId: analyst.id,
      actorEmail: analyst.email,
      options: {
        groupIds: analyst.groupIds,
        verdicts: ['approved', 'corrected'],
        format: 'openai-chat',
        distractors: 1,
        seed: 'demo',
        validationShare: 0.1,
        maxTokens: 16_000,
        piiPatterns: [],
      },
    })
    expect(exported.stats.examples).toBeGreaterThanOrEqual(3)
    expect(exported.stats.dropped.acl).toBeGreaterThanOrEqual(1)
    expect(validateJsonl(exported.content, 16_000).errors).toEqual([])
    expect(exported.content).not.toContain('71,000')
  })

  it('and trains a ranker artifact that inference accepts', async () => {
    const { artifact, report, reviewedTraces } = await trainRankerFromDb(db, {
      heldOutShare: 0.3,
      epochs: 300,
    })
    expect(reviewedTraces).toBe(8)
    expect(report.examples.positives).toBeGreaterThan(0)
    expect(report.examples.train).toBeGreaterThan(report.examples.positives)
    expect(parseRanker(JSON.parse(JSON.stringify(artifact)), 'memory').features).toEqual(artifact.features)
    expect(Object.keys(artifact.chunkPriors).length).toBeGreaterThan(0)
  })
})
