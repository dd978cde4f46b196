import { getUserByEmail, readableGroupIds, schema, seedDemoUsers } from '@policydesk/db'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import { createEmbeddingProvider } from '@policydesk/ingest'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createInferenceDeps } from '../deps'
import { ingestMarkdown } from '../testing/ingest'
import { answer } from './answer'
import { promoteCuratedAnswer } from './curated'
import type { Asker } from './types'

let db: TestDatabase
const embedder = createEmbeddingProvider()
let employee: Asker
let hr: Asker

const asker = async (email: string): Promise<Asker> => {
  const user = await getUserByEmail(db.db, email)
  if (!user) throw new Error(email)
  return { userId: user.id, groupIds: await readableGroupIds(db.db, user.id) }
}

const refundBody = `## Enterprise

Enterprise customers may cancel within 30 days of renewal and receive a prorated refund of prepaid fees.`

beforeAll(async () => {
  db = await startTestDatabase()
  await seedDemoUsers(db.db)
  employee = await asker('employee@example.com')
  hr = await asker('hr@example.com')
  await ingestMarkdown(db.db, embedder, { slug: 'refunds', title: 'Refund Policy', body: refundBody })
  await ingestMarkdown(db.db, embedder, {
    slug: 'bands',
    title: 'Compensation Bands',
    body: '## Staff\n\nThe L4 Staff band in Lisbon is EUR 60,000 to EUR 82,000 per year.',
    groups: ['hr'],
  })
})
afterAll(async () => {
  await db?.stop()
})

const deps = () => createInferenceDeps(db.db, { embedder, settings: { cache: false } })

describe('curated answers', () => {
  it('serves a promoted answer to a later, closely matching question, with its citations', async () => {
    const first = await answer(deps(), {
      question: 'What is the refund policy for enterprise customers?',
      user: employee,
    })
    expect(first.curatedAnswerId).toBeNull()
    const citation = first.citations[0]
    if (!citation) throw new Error('expected a citation')
    await promoteCuratedAnswer(db.db, {
      question: first.question,
      answer: 'Enterprise customers can cancel within 30 days of renewal for a prorated refund [1].',
      citations: [{ ...citation, n: 1 }],
      sourceTraceId: first.traceId,
      createdBy: null,
    })
    const again = await answer(deps(), {
      question: 'What is the refund policy for enterprise customers',
      user: hr,
    })
    expect(again.curatedAnswerId).not.toBeNull()
    expect(again.model).toBe('curated')
    expect(again.text).toContain('prorated refund [1]')
    expect(again.citations[0]?.passage).toContain('prorated refund of prepaid fees')
    expect(again.validation.invalidCitations).toEqual([])
  })

  it('never serves a curated answer citing a document the asker may not read', async () => {
    const hrAnswer = await answer(deps(), { question: 'What is the L4 Staff band in Lisbon?', user: hr })
    const citation = hrAnswer.citations[0]
    if (!citation) throw new Error('expected a citation for hr')
    await promoteCuratedAnswer(db.db, {
      question: 'What is the L4 Staff band in Lisbon?',
      answer: 'The L4 Staff band in Lisbon is EUR 60,000 to EUR 82,000 [1].',
      citations: [{ ...citation, n: 1 }],
      sourceTraceId: hrAnswer.traceId,
      createdBy: null,
    })
    const forEmployee = await answer(deps(), {
      question: 'What is the L4 Staff band in Lisbon?',
      user: employee,
    })
    expect(forEmployee.curatedAnswerId).toBeNull()
    expect(forEmployee.text).not.toContain('82,000')
    expect(
      (await answer(deps(), { question: 'What is the L4 Staff band in Lisbon?', user: hr })).curatedAnswerId,
    ).not.toBeNull()
  })

  it('flags a curated answer for review when its source document gets a new version', async () => {
    const [doc] = await db.db.select().from(schema.documents).where(eq(schema.documents.slug, 'refunds'))
    await ingestMarkdown(db.db, embedder, {
      slug: 'refunds',
      title: 'Refund Policy',
      documentId: doc?.id,
      body: refundBody.replace('30 days', '45 days'),
    })
    const after = await answer(deps(), {
      question: 'What is the refund policy for enterprise customers?',
      user: employee,
    })
    expect(after.curatedAnswerId).toBeNull()
    const flagged = await db.db
      .select()
      .from(schema.curatedAnswers)
      .where(eq(schema.curatedAnswers.status, 'needs_review'))
    expect(flagged).toHaveLength(1)
    expect(flagged[0]?.statusReason).toMatch(/changed/)
  })
})
