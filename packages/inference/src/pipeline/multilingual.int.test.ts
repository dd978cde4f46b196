import { getUserByEmail, readableGroupIds, schema, seedDemoUsers } from '@policydesk/db'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import {
  createEmbeddingProvider,
  type EmbeddingProvider,
  processVersion,
  readEmbeddingsEnv,
  submitDocumentVersion,
} from '@policydesk/ingest'
import { TERMS_VERSION } from '@policydesk/text'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readInferenceEnv } from '../env'
import { createChatProvider } from '../providers/chat-provider'
import { answer } from './answer'
import type { Asker, InferenceDeps } from './types'

/**
 * Documents in German and Portuguese beside an English one, through the real ingestion and answer
 * pipeline (embedded Postgres, built-in providers): a question in a document's language finds that
 * document's passage and is answered by quoting it, in its language.
 */
const DOCUMENTS = {
  'urlaub-berlin.md': `# Urlaubsrichtlinie Berlin

## Urlaubsanspruch

Mitarbeitende im Berliner Büro erhalten 30 Urlaubstage pro Kalenderjahr. Nicht genommene Urlaubstage können bis zum 31. März des Folgejahres übertragen werden.

## Krankheit

Bei Krankheit informieren Sie Ihre Führungskraft vor Arbeitsbeginn. Ab dem dritten Krankheitstag ist eine ärztliche Bescheinigung vorzulegen.
`,
  'ferias-lisboa.md': `# Política de férias de Lisboa

## Direito a férias

Os trabalhadores do escritório de Lisboa têm direito a 25 dias úteis de férias por ano civil. As férias devem ser marcadas com o acordo da chefia.

## Faltas por casamento

Em caso de casamento, o trabalhador tem direito a 15 dias seguidos de faltas justificadas e pagas.
`,
  'leave-austin.md': `# Austin leave policy

## Paid time off

Employees in the Austin office receive 20 days of paid time off per calendar year. Unused days do not carry over.
`,
}

let database: TestDatabase
let embedder: EmbeddingProvider
let employee: Asker
const versionIds = new Map<string, string>()

beforeAll(async () => {
  database = await startTestDatabase()
  await seedDemoUsers(database.db)
  embedder = createEmbeddingProvider(readEmbeddingsEnv({}))
  for (const [sourceName, text] of Object.entries(DOCUMENTS)) {
    const submitted = await submitDocumentVersion(database.db, { sourceName, bytes: Buffer.from(text) })
    const processed = await processVersion(
      { db: database.db, embedder, maxBytes: 1_000_000 },
      submitted.versionId,
    )
    if (processed.status !== 'ready') throw new Error(`${sourceName}: ${JSON.stringify(processed)}`)
    versionIds.set(sourceName, submitted.versionId)
  }
  const user = await getUserByEmail(database.db, 'employee@example.com')
  if (!user) throw new Error('missing demo employee')
  employee = { userId: user.id, groupIds: await readableGroupIds(database.db, user.id) }
})

afterAll(async () => {
  await database?.stop()
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
    cache: false,
    abstainBelow: 0.5,
  },
})

describe('documents in German and Portuguese', () => {
  it('are indexed with their own language’s stems, under the current terms version', async () => {
    const versionId = versionIds.get('urlaub-berlin.md') ?? ''
    const chunks = await database.db
      .select({ terms: schema.chunks.terms })
      .from(schema.chunks)
      .where(eq(schema.chunks.versionId, versionId))
    const terms = chunks.flatMap((c) => c.terms ?? [])
    expect(terms).toEqual(expect.arrayContaining(['urlaubstag', 'mitarbeitend', 'berlin']))
    expect(terms).not.toContain('die')
    const [version] = await database.db
      .select({ termsVersion: schema.documentVersions.termsVersion })
      .from(schema.documentVersions)
      .where(eq(schema.documentVersions.id, versionId))
    expect(version?.termsVersion).toBe(TERMS_VERSION)
  })

  it.each([
    ['Wie viele Urlaubstage bekomme ich in Berlin?', 'urlaub-berlin', '30 Urlaubstage'],
    [
      'Ab wann brauche ich bei Krankheit eine ärztliche Bescheinigung?',
      'urlaub-berlin',
      'dritten Krankheitstag',
    ],
    ['Quantos dias de férias tenho em Lisboa?', 'ferias-lisboa', '25 dias úteis de férias'],
    ['Quantos dias de faltas tenho em caso de casamento?', 'ferias-lisboa', '15 dias seguidos'],
    ['How many days of paid time off do I get in Austin?', 'leave-austin', '20 days of paid time off'],
  ])('%s → quotes %s', async (question, slug, quote) => {
    const result = await answer(deps(), { question, user: employee })
    expect(result.abstained).toBe(false)
    expect(result.citations[0]?.documentSlug).toBe(slug)
    expect(result.text).toContain(quote)
  })

  it('still abstains on a question in German the documents do not answer', async () => {
    const result = await answer(deps(), {
      question: 'Gibt es einen Zuschuss für Bienenhaltung auf dem Dach?',
      user: employee,
    })
    expect(result.abstained).toBe(true)
  })
})
