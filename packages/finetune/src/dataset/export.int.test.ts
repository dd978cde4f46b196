import {
  type Database,
  findDocumentBySlug,
  getDatasetContent,
  getUserByEmail,
  listDatasets,
  purgeDocument,
  type ReviewViewer,
  readableGroupIds,
  schema,
  seedDemoUsers,
  upsertUser,
} from '@policydesk/db'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import {
  type AnswerResult,
  answer,
  createChatProvider,
  createInferenceDeps,
  type InferenceDeps,
  readInferenceEnv,
} from '@policydesk/inference'
import {
  type FakeOpenAIServer,
  ingestMarkdown,
  installNetworkGuard,
  type NetworkGuard,
  startFakeOpenAIServer,
} from '@policydesk/inference/testing'
import { createEmbeddingProvider, readEmbeddingsEnv } from '@policydesk/ingest'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analystByEmail } from './analyst'
import { buildDataset, type DatasetOptions } from './build-dataset'
import { validateJsonl } from './format'
import { exportDataset } from './store'

/**
 * Reviewed answers from the real pipeline (embedded Postgres, OpenAI-compatible fake chat server that
 * records every prompt) exported as a dataset: ACL in SQL, purged passages, duplicates, PII, distractors.
 */

const SECRET = 'The L4 salary band in Lisbon is 60,000 to 71,000 EUR.'
let guard: NetworkGuard
let server: FakeOpenAIServer
let database: TestDatabase
let db: Database
let deps: InferenceDeps
const traces: Record<string, AnswerResult> = {}

const options = (groupIds: string[], extra: Partial<DatasetOptions> = {}): DatasetOptions => ({
  groupIds,
  verdicts: ['approved', 'corrected'],
  format: 'openai-chat',
  distractors: 0,
  seed: 'test',
  validationShare: 0.1,
  maxTokens: 16_000,
  piiPatterns: [],
  ...extra,
})

async function ask(key: string, email: string, question: string) {
  const user = await getUserByEmail(db, email)
  if (!user) throw new Error(email)
  traces[key] = await answer(deps, {
    question,
    user: { userId: user.id, groupIds: await readableGroupIds(db, user.id) },
  })
}

async function review(
  key: string,
  verdict: 'approved' | 'corrected' | 'rejected',
  correction?: { answer: string; chunkSlug: string },
) {
  const trace = traces[key]
  if (!trace?.traceId) throw new Error(`no trace ${key}`)
  let correctedCitations: schema.TraceCitation[] | null = null
  if (correction) {
    const doc = await findDocumentBySlug(db, correction.chunkSlug)
    const [chunk] = await db
      .select()
      .from(schema.chunks)
      .where(eq(schema.chunks.versionId, doc?.currentVersionId ?? ''))
    if (!doc || !chunk) throw new Error(correction.chunkSlug)
    correctedCitations = [
      {
        n: 1,
        documentId: doc.id,
        title: doc.title,
        versionId: chunk.versionId,
        chunkId: chunk.id,
        quote: '',
        page: null,
      },
    ]
  }
  await db.insert(schema.reviews).values({
    traceId: trace.traceId,
    verdict,
    correctedAnswer: correction?.answer ?? null,
    correctedCitations,
  })
}

beforeAll(async () => {
  guard = installNetworkGuard()
  server = await startFakeOpenAIServer()
  database = await startTestDatabase()
  db = database.db
  await seedDemoUsers(db)
  await upsertUser(db, {
    email: 'hr-analyst@example.com',
    name: 'Hana Analyst',
    role: 'analyst',
    groups: ['hr'],
  })
  const embedder = createEmbeddingProvider(readEmbeddingsEnv({}))
  deps = createInferenceDeps(db, {
    embedder,
    chat: createChatProvider(
      readInferenceEnv({ LLM_BASE_URL: server.url, LLM_MODEL: 'gpt-test', LLM_MAX_RETRIES: '0' }),
    ),
    // One source per answer keeps contexts (and the ACL cases) easy to reason about; the answerability gate
    // is open so every question reaches the model (this file tests datasets, not abstention).
    ranker: null,
    crossEncoder: null,
    settings: { maxSources: 1, cache: false, abstainBelow: 0 },
  })
  const doc = (slug: string, title: string, body: string, groups?: string[]) =>
    ingestMarkdown(db, embedder, { slug, title, body, groups })

  // A document that is answered from, then purged.
  const fax = await doc('fax', 'Fax Policy', 'Fax machines were retired in 2020. Scan documents instead.')
  await ask('fax', 'employee@example.com', 'Can I still send a fax?')
  await purgeDocument(db, fax.documentId)

  await doc(
    'parking',
    'Parking Policy',
    'Parking in the company garage costs 5 EUR a day. Book a space before 10:00.',
  )
  await doc(
    'travel',
    'Travel Meals',
    'Meals during business travel are reimbursed up to 40 EUR a day. Keep receipts.',
  )
  await doc('salary', 'Salary Bands', `${SECRET} Bands are reviewed every March.`, ['hr'])
  await ask('parking', 'employee@example.com', 'How much does parking in the company garage cost?')
  await ask('parking-again', 'employee@example.com', 'How much does parking in the company garage cost?')
  await ask('parking-hr', 'hr@example.com', 'What does the garage charge for parking?')
  await ask('travel', 'employee@example.com', 'What is the daily meal allowance during business travel?')
  await ask('dinner', 'employee@example.com', 'Can I expense dinner on a business trip?')
  await ask('salary', 'hr@example.com', 'What is the L4 salary band in Lisbon?')
  await ask('gym', 'employee@example.com', 'Is there a company gym?')
  await doc(
    'privacy',
    'Privacy Contacts',
    'Contact privacy@northwind.example or call +351 21 123 4567 about privacy questions. The privacy officer is Ana Analyst.',
  )
  await ask('privacy', 'employee@example.com', 'Who do I contact about privacy questions?')

  for (const key of ['fax', 'parking', 'parking-again', 'parking-hr', 'privacy', 'salary'])
    await review(key, 'approved')
  await review('travel', 'corrected', {
    answer: 'Meals are reimbursed up to 40 EUR a day [1].',
    chunkSlug: 'travel',
  })
  // A correction that cites a restricted document: the whole example must stay out of an analyst's export.
  await review('dinner', 'corrected', { answer: 'Ask HR about your band [1].', chunkSlug: 'salary' })
  await review('gym', 'rejected')
}, 120_000)

afterAll(async () => {
  await database?.stop()
  await server?.close()
  guard?.restore()
})

describe('dataset export', () => {
  it('rebuilds each example exactly as the model was prompted', async () => {
    const analyst = await analystByEmail(db, 'analyst@example.com')
    const built = await buildDataset(db, options(analyst.groupIds, { validationShare: 0 }))
    const parking = built.train.find(
      (e) => e.messages[1]?.content === 'How much does parking in the company garage cost?',
    )
    const sent = server
      .chatRequests()
      .find((r) => r.messages[1]?.content === 'How much does parking in the company garage cost?')
    expect(parking).toBeDefined()
    expect(sent).toBeDefined()
    expect(parking?.messages[0]).toEqual({ role: 'system', content: sent?.messages[0]?.content })
    expect(parking?.messages[1]).toEqual({ role: 'user', content: sent?.messages[1]?.content })
    expect(parking?.messages[2]).toEqual({ role: 'assistant', content: traces.parking?.text })
    expect(parking?.messages[0]?.content).toContain('Parking in the company garage costs 5 EUR a day.')
    const travel = built.train.find((e) => e.messages[1]?.content.includes('meal allowance'))
    expect(travel?.messages[2]?.content).toBe('Meals are reimbursed up to 40 EUR a day [1].')
  })

  it("enforces the analyst's groups in SQL and counts what was dropped and why", async () => {
    const analyst = await analystByEmail(db, 'analyst@example.com')
    const built = await buildDataset(db, options(analyst.groupIds))
    expect(built.stats.examples).toBe(4) // parking, parking-hr, travel, privacy
    expect(built.stats.considered).toBe(8) // the rejected gym answer is not a candidate at all
    expect(built.stats.dropped).toEqual({ acl: 2, duplicate: 1, purged: 1 })
    expect(built.stats.labels).toMatchObject({ approved: 3, corrected: 1 })
    const everything = JSON.stringify([...built.train, ...built.validation])
    expect(everything).not.toContain('salary band')
    expect(everything).not.toContain('Ask HR about your band')
    const salary = await findDocumentBySlug(db, 'salary')
    expect(built.versionIds).not.toContain(salary?.currentVersionId)
    expect(built.stats.documents.slugs).toEqual(['parking', 'privacy', 'travel'])

    const hrAnalyst = await analystByEmail(db, 'hr-analyst@example.com')
    const wider = await buildDataset(db, options(hrAnalyst.groupIds))
    expect(wider.stats.examples).toBe(6)
    expect(wider.stats.dropped).toEqual({ duplicate: 1, purged: 1 })
    expect(JSON.stringify(wider.train.concat(wider.validation))).toContain('salary band')
    await expect(analystByEmail(db, 'employee@example.com')).rejects.toThrow(/analyst or admin role/)
  })

  it('scrubs PII everywhere and counts the replacements', async () => {
    const analyst = await analystByEmail(db, 'analyst@example.com')
    const built = await buildDataset(db, options(analyst.groupIds, { piiPatterns: ['garage'] }))
    const text = JSON.stringify([...built.train, ...built.validation])
    expect(text).not.toContain('privacy@northwind.example')
    expect(text).not.toContain('+351 21 123 4567')
    expect(text).not.toContain('Ana Analyst')
    expect(text).toContain('[EMAIL]')
    // source and the quoting answer
    expect(built.stats.pii.email).toBeGreaterThanOrEqual(2)
    expect(built.stats.pii.phone).toBeGreaterThanOrEqual(2)
    expect(built.stats.pii.name).toBeGreaterThanOrEqual(1)
    expect(built.stats.pii.custom).toBeGreaterThan(0)
    expect(text).not.toMatch(/garage/i)
  })

  it('mixes seeded distractors from other readable documents', async () => {
    const analyst = await analystByEmail(db, 'analyst@example.com')
    const first = await buildDataset(db, options(analyst.groupIds, { distractors: 2, validationShare: 0 }))
    const again = await buildDataset(db, options(analyst.groupIds, { distractors: 2, validationShare: 0 }))
    expect(again.train).toEqual(first.train)
    expect(first.stats.distractors).toEqual({ perExample: 2, total: 8 })
    for (const example of first.train) {
      const system = example.messages[0]?.content ?? ''
      expect(system.match(/<source n="/g)).toHaveLength(3)
      expect(system).not.toContain(SECRET)
      // The answer's citation still points at the passage it quotes.
      const cited = Number(/\[(\d)\]/.exec(example.messages[2]?.content ?? '')?.[1])
      // The words just before the marker ("… 40 EUR a day [1].") come from the cited passage.
      const quoted = (example.messages[2]?.content ?? '')
        .replace(/\s*\[\d\]\.?$/, '')
        .split(' ')
        .slice(-4)
        .join(' ')
      const source =
        new RegExp(`<source n="${cited}"[^>]*>\\n([\\s\\S]*?)\\n</source>`).exec(system)?.[1] ?? ''
      expect(source).toContain(quoted)
    }
  })

  it('stores the dataset with filter, stats, versions, JSONL and an audit entry; lists and downloads it', async () => {
    const analyst = await analystByEmail(db, 'analyst@example.com')
    const exported = await exportDataset(db, {
      actorId: analyst.id,
      actorEmail: analyst.email,
      name: 'test-export',
      options: options(analyst.groupIds, { validationShare: 0.5 }),
    })
    expect(validateJsonl(exported.content, 16_000)).toEqual({ examples: 4, errors: [] })
    expect(exported.train.split('\n').filter(Boolean)).toHaveLength(exported.stats.train)
    const [row] = await db
      .select()
      .from(schema.finetuneDatasets)
      .where(eq(schema.finetuneDatasets.id, exported.id))
    expect(row).toMatchObject({ name: 'test-export', format: 'openai-chat', createdBy: analyst.id })
    expect(row?.filter).toMatchObject({ analyst: 'analyst@example.com', verdicts: ['approved', 'corrected'] })
    expect(row?.versionIds.length).toBeGreaterThan(0)
    const audit = await db.select().from(schema.auditLog).where(eq(schema.auditLog.targetId, exported.id))
    expect(audit.map((a) => a.action)).toEqual(['finetune.dataset.export'])
    const listed = await listDatasets(db)
    expect(listed.find((d) => d.id === exported.id)).toMatchObject({
      name: 'test-export',
      createdByEmail: 'analyst@example.com',
      jobs: 0,
    })
    const download = await getDatasetContent(db, exported.id)
    expect(download).toMatchObject({
      content: exported.content,
      train: exported.train,
      validation: exported.validation,
    })
    expect(await getDatasetContent(db, '00000000-0000-4000-8000-000000000000')).toBeNull()
  })

  it('lists and serves a dataset quoting a restricted document only to viewers who may read it', async () => {
    const hrAnalyst = await analystByEmail(db, 'hr-analyst@example.com')
    const analyst = await analystByEmail(db, 'analyst@example.com')
    const exported = await exportDataset(db, {
      actorId: hrAnalyst.id,
      actorEmail: hrAnalyst.email,
      name: 'hr-export',
      options: options(hrAnalyst.groupIds),
    })
    const salary = await findDocumentBySlug(db, 'salary')
    const [row] = await db
      .select()
      .from(schema.finetuneDatasets)
      .where(eq(schema.finetuneDatasets.id, exported.id))
    expect(row?.versionIds).toContain(salary?.currentVersionId)

    const as = (role: ReviewViewer['role'], groupIds: string[]) => ({ viewer: { role, groupIds } })
    const plain = as('analyst', analyst.groupIds)
    const hr = as('analyst', hrAnalyst.groupIds)
    const admin = as('admin', [])
    const names = async (o: { viewer: ReviewViewer }) => (await listDatasets(db, o)).map((d) => d.name)
    expect(await names(plain)).toContain('test-export')
    expect(await names(plain)).not.toContain('hr-export')
    expect(await names(hr)).toEqual(expect.arrayContaining(['test-export', 'hr-export']))
    expect(await names(admin)).toContain('hr-export')
    expect(await getDatasetContent(db, exported.id, plain)).toBeNull()
    expect((await getDatasetContent(db, exported.id, hr))?.content).toContain('salary band')
  })
})
