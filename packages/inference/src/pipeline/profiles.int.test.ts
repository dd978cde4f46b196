import { getCorpusRevision, schema, seedDemoUsers, setDocumentApplicability } from '@policydesk/db'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import { createEmbeddingProvider, type EmbeddingProvider, readEmbeddingsEnv } from '@policydesk/ingest'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readInferenceEnv } from '../env'
import { createChatProvider } from '../providers/chat-provider'
import { ingestMarkdown, installNetworkGuard, type NetworkGuard } from '../testing'
import { answer } from './answer'
import { promoteCuratedAnswer } from './curated'
import { retrieve } from './retrieve'
import { storedCitation } from './trace'
import type { Asker, InferenceDeps } from './types'

/**
 * Profile-aware retrieval on a real (embedded) Postgres: the asker's country narrows the SAME statement
 * that applies the ACL, a matching restricted passage is boosted, and the answer says whose rule it quotes.
 */

let guard: NetworkGuard
let database: TestDatabase
let embedder: EmbeddingProvider
const ids: Record<string, string> = {}
let everyone: string
let hr: string

const QUESTION = 'How many vacation days do I get per year?'
const filler = (office: string) =>
  Array.from(
    { length: 14 },
    (_, i) => `Note ${i + 1}: the ${office} office reports absences to the local team lead.`,
  ).join(' ')

beforeAll(async () => {
  guard = installNetworkGuard()
  database = await startTestDatabase()
  await seedDemoUsers(database.db)
  embedder = createEmbeddingProvider(readEmbeddingsEnv({}))
  const docs = [
    {
      slug: 'leave-pt',
      title: 'Annual Leave Portugal',
      body: 'Employees get 25 vacation days per year. Vacation days are booked in PeopleHub.',
    },
    {
      slug: 'leave-de',
      title: 'Annual Leave Germany',
      body: 'Employees get 28 vacation days per year. Vacation days are booked in PeopleHub.',
    },
    {
      slug: 'leave-de-hr',
      title: 'Annual Leave Germany HR notes',
      groups: ['hr'],
      body: 'HR note: vacation days per year for Germany are 28; the works council is consulted.',
    },
    {
      slug: 'parking',
      title: 'Parking',
      body: 'Parking in the garage costs 5 EUR a day and is booked per year in the workplace app.',
    },
    {
      slug: 'sick-pay',
      title: 'Sick Pay',
      // Long enough sections that each is its own retrieval unit (the chunker merges small ones).
      body: `## Portugal\n\nNorthwind pays full salary for the first 3 sick days. ${filler('Lisbon')}\n\n## Germany\n\nNorthwind continues full pay for 6 weeks of sickness. ${filler('Berlin')}`,
    },
  ]
  for (const doc of docs) ids[doc.slug] = (await ingestMarkdown(database.db, embedder, doc)).documentId
  const setFor = (slug: string, countries: string[]) =>
    setDocumentApplicability(database.db, {
      actorId: null,
      documentId: ids[slug] ?? '',
      applicability: { countries },
    })
  await setFor('leave-pt', ['PT'])
  await setFor('leave-de', ['DE'])
  await setFor('leave-de-hr', ['DE'])
  const groups = await database.db.select().from(schema.groups)
  everyone = groups.find((g) => g.name === 'everyone')?.id ?? ''
  hr = groups.find((g) => g.name === 'hr')?.id ?? ''
})

afterAll(async () => {
  await database?.stop()
  guard?.restore()
})

function deps(): InferenceDeps {
  return {
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
      abstainBelow: 0,
    },
  }
}

const asker = (country: string | null, groups = [everyone]): Asker => ({
  userId: null,
  groupIds: groups,
  ...(country ? { attributes: { country } } : {}),
})

const slugsFor = async (reader: Asker, query = QUESTION) =>
  (await retrieve(deps(), query, reader)).candidates.map((c) => c.documentSlug)

describe('profile-aware retrieval', () => {
  it('a PT asker gets the Portuguese rule and never the German one', async () => {
    const slugs = await slugsFor(asker('PT'))
    expect(slugs).toContain('leave-pt')
    expect(slugs).not.toContain('leave-de')
    expect(slugs[0]).toBe('leave-pt')
  })

  it('a DE asker the reverse', async () => {
    const slugs = await slugsFor(asker('DE'))
    expect(slugs).toContain('leave-de')
    expect(slugs).not.toContain('leave-pt')
  })

  it('an asker without a country sees both (we cannot know which applies), unboosted', async () => {
    const found = (await retrieve(deps(), QUESTION, asker(null))).candidates
    expect(found.map((c) => c.documentSlug)).toEqual(expect.arrayContaining(['leave-pt', 'leave-de']))
    expect(found.every((c) => c.profileMatch === false)).toBe(true)
  })

  it('unrestricted documents are unaffected by the profile', async () => {
    expect(await slugsFor(asker('PT'), 'parking garage')).toContain('parking')
    expect(await slugsFor(asker('DE'), 'parking garage')).toContain('parking')
  })

  it('a matching restricted passage is boosted and carries whom it applies to', async () => {
    const found = (await retrieve(deps(), QUESTION, asker('PT'))).candidates
    const pt = found.find((c) => c.documentSlug === 'leave-pt')
    expect(pt?.profileMatch).toBe(true)
    expect(pt?.appliesTo).toEqual({ countries: ['PT'] })
  })

  it('the ACL still applies: a DE employee outside hr never sees the hr document', async () => {
    expect(await slugsFor(asker('DE'))).not.toContain('leave-de-hr')
    expect(await slugsFor(asker('DE', [everyone, hr]))).toContain('leave-de-hr')
    expect(await slugsFor(asker('PT', [everyone, hr]))).not.toContain('leave-de-hr')
  })

  it('a section whose heading names a country is restricted on its own', async () => {
    const pt = await retrieve(deps(), 'sick days full salary pay sickness', asker('PT'))
    const texts = pt.candidates.filter((c) => c.documentSlug === 'sick-pay').map((c) => c.text)
    expect(texts.join(' ')).toContain('first 3 sick days')
    expect(texts.join(' ')).not.toContain('6 weeks')
  })
})

describe('the answer says whose rule it quotes', () => {
  it('prefixes "For employees in Portugal:" and records the profile in the trace', async () => {
    const result = await answer(deps(), { question: QUESTION, user: asker('PT') })
    expect(result.abstained).toBe(false)
    expect(result.text).toMatch(/^For employees in Portugal: /)
    expect(result.text).toContain('25')
    expect(result.appliesTo).toEqual({ countries: ['PT'] })
    expect(result.citations[0]?.appliesTo).toEqual({ countries: ['PT'] })
    const [trace] = await database.db
      .select()
      .from(schema.answerTraces)
      .where(eq(schema.answerTraces.id, result.traceId ?? ''))
    expect(trace?.askerProfile).toEqual({ country: 'PT' })
    expect(trace?.candidates.find((c) => c.cited)?.appliesTo).toEqual({ countries: ['PT'] })
  })

  it('a DE asker is told the German rule', async () => {
    const result = await answer(deps(), { question: QUESTION, user: asker('DE') })
    expect(result.text).toMatch(/^For employees in Germany: /)
    expect(result.text).toContain('28')
  })

  it('changing applicability bumps the corpus revision (no stale cached answer)', async () => {
    const before = await getCorpusRevision(database.db)
    await setDocumentApplicability(database.db, {
      actorId: null,
      documentId: ids.parking ?? '',
      applicability: { countries: ['US'] },
    })
    expect(await getCorpusRevision(database.db)).toBeGreaterThan(before)
    expect(await slugsFor(asker('PT'), 'parking garage')).not.toContain('parking')
    await setDocumentApplicability(database.db, {
      actorId: null,
      documentId: ids.parking ?? '',
      applicability: {},
    })
  })
})

describe('curated answers follow the profile', () => {
  it('one quoting the Portugal rule is served in Lisbon, not in Berlin', async () => {
    const pt = await answer(deps(), { question: QUESTION, user: asker('PT') })
    const citations = pt.citations.map(storedCitation)
    expect(citations.map((c) => c.documentId)).toEqual([ids['leave-pt']])
    const id = await promoteCuratedAnswer(database.db, {
      question: QUESTION,
      answer: 'Reviewed: employees in Portugal get 25 vacation days a year [1].',
      citations,
      sourceTraceId: pt.traceId,
      createdBy: null,
    })
    try {
      expect((await answer(deps(), { question: QUESTION, user: asker('PT') })).curatedAnswerId).toBe(id)
      // Unknown country excludes nothing, as in retrieval.
      expect((await answer(deps(), { question: QUESTION, user: asker(null) })).curatedAnswerId).toBe(id)
      const de = await answer(deps(), { question: QUESTION, user: asker('DE') })
      expect(de.curatedAnswerId).toBeNull()
      expect(de.text).toMatch(/^For employees in Germany: /)
      expect(de.text).not.toContain('25')
    } finally {
      await database.db.delete(schema.curatedAnswers).where(eq(schema.curatedAnswers.id, id))
    }
  })
})
