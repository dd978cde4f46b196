import {
  createHandoff,
  getUserByEmail,
  promoteHandoffReply,
  readableGroupIds,
  replyToHandoff,
  schema,
  seedDemoUsers,
} from '@policydesk/db'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import { createEmbeddingProvider } from '@policydesk/ingest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createInferenceDeps } from '../deps'
import { ingestMarkdown } from '../testing/ingest'
import { answer } from './answer'
import { normalizeQuestion } from './answer-cache'

/**
 * The loop "Ask a person" closes: a question the documents cannot answer is handed to hr, hr's reply is
 * promoted, and the next employee asking it gets that reply through the ordinary curated-answer path.
 */

let db: TestDatabase
const embedder = createEmbeddingProvider()
const BEES = 'Can I keep bees on the office roof?'

const viewer = async (email: string) => {
  const user = await getUserByEmail(db.db, email)
  if (!user) throw new Error(email)
  return { userId: user.id, role: user.role, groupIds: await readableGroupIds(db.db, user.id) }
}

beforeAll(async () => {
  db = await startTestDatabase()
  await seedDemoUsers(db.db)
  await db.db
    .insert(schema.users)
    .values({ email: 'second@example.com', name: 'Sam Second', role: 'employee' })
  await ingestMarkdown(db.db, embedder, {
    slug: 'office',
    title: 'Office Rules',
    body: '## Pets\n\nPets are not allowed in the office, except assistance dogs.',
  })
})
afterAll(async () => {
  await db?.stop()
})

const deps = () => createInferenceDeps(db.db, { embedder, settings: { cache: false } })

type Asker = Awaited<ReturnType<typeof viewer>> & { attributes?: schema.UserAttributes }

/** The loop up to the curated answer: `asker` asks, hands off, hr replies `text` and promotes it. */
async function answeredByPerson(asker: Asker, question: string, text: string) {
  const hr = await viewer('hr@example.com')
  const first = await answer(deps(), { question, user: asker })
  const handoff = await createHandoff(db.db, {
    asker,
    traceId: first.traceId ?? undefined,
    routing: { tagOwners: {}, defaultGroup: 'hr' },
  })
  if (!handoff.ok) throw new Error(handoff.message)
  const reply = await replyToHandoff(db.db, hr, { id: handoff.handoff.id, text, authorName: 'Harper HR' })
  if (!reply.ok) throw new Error(reply.message)
  const promote = async (scope?: 'everyone') => {
    const promoted = await promoteHandoffReply(db.db, hr, {
      id: handoff.handoff.id,
      replyId: reply.replyId,
      normalize: normalizeQuestion,
      ...(scope ? { scope } : {}),
    })
    if (!promoted.ok) throw new Error(promoted.message)
    return promoted.curatedAnswerId
  }
  return { first, curatedAnswerId: await promote(), promote }
}

describe('a promoted handoff reply', () => {
  it('answers the next employee who asks the same question', async () => {
    const employee = await viewer('employee@example.com')
    const { first, curatedAnswerId } = await answeredByPerson(
      employee,
      BEES,
      'Yes, with approval from Facilities; hives must stay 5 m from the air intake.',
    )
    expect(first.abstained).toBe(true)

    const second = await viewer('second@example.com')
    const again = await answer(deps(), { question: 'Can I keep bees on the office roof', user: second })
    expect(again.curatedAnswerId).toBe(curatedAnswerId)
    expect(again.abstained).toBe(false)
    expect(again.text).toContain('approval from Facilities')
  })

  it('a reply written for a Lisbon employee is not served to a Berlin one', async () => {
    const QUESTION = 'Is there a bike shed at my office?'
    const employee = {
      ...(await viewer('employee@example.com')),
      attributes: { country: 'PT', location: 'Lisbon' },
    }
    const lisbon = await answeredByPerson(
      employee,
      QUESTION,
      'Yes: the Lisbon office has a bike shed in the basement, badge access.',
    )

    const second = await viewer('second@example.com')
    const askAs = async (attributes: schema.UserAttributes | undefined) =>
      (await answer(deps(), { question: QUESTION, user: { ...second, attributes } })).curatedAnswerId
    expect(await askAs({ country: 'PT', location: 'Lisbon' })).toBe(lisbon.curatedAnswerId)
    expect(await askAs({ country: 'pt' })).toBe(lisbon.curatedAnswerId)
    expect(await askAs(undefined)).toBe(lisbon.curatedAnswerId)
    expect(await askAs({ country: 'DE', location: 'Berlin' })).toBeNull()
    expect(await askAs({ country: 'PT', location: 'Porto' })).toBeNull()

    // The promoter can say it holds for everyone: then Berlin gets it too, and Lisbon keeps its own.
    const everyone = await lisbon.promote('everyone')
    expect(await askAs({ country: 'DE', location: 'Berlin' })).toBe(everyone)
    expect([lisbon.curatedAnswerId, everyone]).toContain(await askAs({ country: 'PT', location: 'Lisbon' }))
  })
})
