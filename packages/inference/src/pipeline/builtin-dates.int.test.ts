import { EVERYONE_GROUP, groupIdByName, schema } from '@policydesk/db'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import { createEmbeddingProvider, type EmbeddingProvider, readEmbeddingsEnv } from '@policydesk/ingest'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readInferenceEnv } from '../env'
import { createChatProvider } from '../providers/chat-provider'
import { ingestMarkdown, installNetworkGuard, type NetworkGuard } from '../testing'
import { answer, streamAnswer } from './answer'
import type { Asker, InferenceDeps } from './types'

/** The built-in answerer's date calculations, through the whole pipeline on the embedded Postgres. */

let guard: NetworkGuard
let database: TestDatabase
let embedder: EmbeddingProvider
let asker: Asker

beforeAll(async () => {
  guard = installNetworkGuard()
  database = await startTestDatabase()
  embedder = createEmbeddingProvider(readEmbeddingsEnv({}))
  await ingestMarkdown(database.db, embedder, {
    slug: 'vacation',
    title: 'Vacation Policy',
    body: 'Employees receive 25 days of paid vacation per year. New joiners receive vacation pro rata for the rest of their first year.',
  })
  await ingestMarkdown(database.db, embedder, {
    slug: 'resignation',
    title: 'Resignation',
    body: 'Employees who resign give one month notice in writing to their manager. Your last day is the end of the notice period.',
  })
  asker = {
    userId: null,
    groupIds: [(await groupIdByName(database.db, EVERYONE_GROUP)) ?? ''],
    attributes: { startDate: '2026-01-12', country: 'PT' },
  }
})

afterAll(async () => {
  await database?.stop()
  guard?.restore()
})

const deps = (): InferenceDeps => ({
  db: database.db,
  embedder,
  chat: createChatProvider(readInferenceEnv({})),
  ranker: null,
  crossEncoder: null,
  settings: {
    candidates: 20,
    weights: { vector: 0, text: 1 },
    bm25: { k1: 1.2, b: 0.75 },
    contextTokens: 1_800,
    maxSources: 6,
    cache: true,
    abstainBelow: 0.5,
  },
})

describe('built-in date calculations', () => {
  it('pro rata: the entitlement from the cited passage, the calculation labelled, citations unchanged', async () => {
    const question = 'How many vacation days do I get pro rata if I started on 2026-04-01?'
    const tokens: string[] = []
    let final: Awaited<ReturnType<typeof answer>> | undefined
    for await (const event of streamAnswer(deps(), { question, user: asker })) {
      if (event.type === 'token') tokens.push(event.text)
      if (event.type === 'final') final = event.result
    }
    expect(final?.abstained).toBe(false)
    expect(final?.citations.map((c) => c.documentSlug)).toEqual(['vacation'])
    expect(final?.text).toMatch(
      /\[1\]\.?\n\nCalculation: starting on 2026-04-01, 9 of 12 months remain in the year \(.*\): 25 days × 9\/12 = 18.75, rounded to the nearest half day: 19 days\.$/,
    )
    expect(tokens.join('')).toBe(final?.text)
    expect(final?.toolCalls).toMatchObject([
      {
        name: 'calculate_dates',
        status: 'ok',
        arguments: { operation: 'pro_rata_leave', annualEntitlement: 25 },
      },
    ])
    const [trace] = await database.db
      .select({ toolCalls: schema.answerTraces.toolCalls })
      .from(schema.answerTraces)
      .where(eq(schema.answerTraces.id, final?.traceId ?? ''))
    expect(trace?.toolCalls).toEqual(final?.toolCalls)
  })

  it('notice: the period from the cited passage; the profile start date for "my start date"', async () => {
    const notice = await answer(deps(), {
      question: 'If I resign on 2026-03-18, when is my last day of the notice period?',
      user: asker,
    })
    expect(notice.text).toContain(
      'Calculation: with 1 month of notice given on 2026-03-18, the notice period ends on 2026-04-18, so the last working day is 2026-04-17',
    )
    const shifted = await answer(deps(), {
      question: 'What is the date 30 days after my start date?',
      user: asker,
    })
    expect(shifted.text).toMatch(
      /\n\nCalculation: 30 days after your start date \(2026-01-12\) is 2026-02-11 \(Wednesday\)\.$/,
    )
    // Depends on the asker's profile: never served from, nor written to, the cache.
    const again = await answer(deps(), {
      question: 'What is the date 30 days after my start date?',
      user: { ...asker, attributes: { startDate: '2026-02-01' } },
    })
    expect(again.cached).toBe(false)
    expect(again.text).toContain('(2026-02-01) is 2026-03-03')
  })

  it('questions without a date pattern are answered as before, with no tool call', async () => {
    const result = await answer(deps(), {
      question: 'How many vacation days do employees receive?',
      user: asker,
    })
    expect(result.toolCalls).toEqual([])
    expect(result.text).not.toContain('Calculation:')
  })
})
