import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HandoffViewer } from '../../access'
import { documents, groups, handoffs, messages, users, webhookDeliveries } from '../../schema'
import { seedDemoUsers } from '../../seed/demo-users'
import { startTestDatabase, type TestDatabase } from '../../testing'
import { addMessage, createConversation, listConversations, listMessages } from '../conversations'
import { listCuratedAnswers } from '../curated-answers'
import { ensureGroup, readableGroupIds } from '../groups'
import { candidate, type FixtureDoc, makeDoc, makeTrace } from '../review-test-fixtures'
import { getUserByEmail } from '../users'
import {
  answeredByPersonNotInDocuments,
  createHandoff,
  decodeHandoffCursor,
  getHandoff,
  handoffStats,
  listHandoffs,
  markHandoffRepliesRead,
  parseTagOwners,
  promoteHandoffReply,
  replyToHandoff,
  setDocumentOwner,
  setGroupPermissions,
  updateHandoff,
  viewerHandlesHandoffs,
} from '.'

/**
 * Handoffs end to end at the query level: routing, who sees what (asker, routed permitted group, admin,
 * anyone else), replies into the asker's conversation (unread until opened), citations the asker may not
 * read refused, promotion to a curated answer.
 */

let t: TestDatabase
let employee: HandoffViewer
let other: HandoffViewer
let hr: HandoffViewer
let analyst: HandoffViewer
let admin: HandoffViewer
let benefits: FixtureDoc
let salaries: FixtureDoc
let legal: FixtureDoc
const routing = { tagOwners: {}, defaultGroup: 'hr' }
const BEES = 'Can I keep bees on the office roof?'

async function viewer(email: string): Promise<HandoffViewer> {
  const user = await getUserByEmail(t.db, email)
  if (!user) throw new Error(`no ${email}`)
  return { userId: user.id, role: user.role, groupIds: await readableGroupIds(t.db, user.id) }
}

beforeAll(async () => {
  t = await startTestDatabase()
  await seedDemoUsers(t.db)
  await t.db.insert(users).values({ email: 'other@example.com', name: 'Olga Other', role: 'employee' })
  employee = await viewer('employee@example.com')
  other = await viewer('other@example.com')
  hr = await viewer('hr@example.com')
  analyst = await viewer('analyst@example.com')
  admin = await viewer('admin@example.com')
  benefits = await makeDoc(t.db, {
    title: 'Benefits',
    group: 'everyone',
    passages: ['Employees get 25 vacation days per year.', 'Pets are not allowed in the office.'],
  })
  salaries = await makeDoc(t.db, {
    title: 'Salaries',
    group: 'hr',
    passages: ['L3 engineers in Lisbon earn 46,000 to 58,000 EUR.'],
  })
  legal = await makeDoc(t.db, {
    title: 'Legal',
    group: 'everyone',
    passages: ['Contracts are signed by legal.'],
  })
})
afterAll(async () => {
  await t?.stop()
})

/** The employee's abstention on the bees question, in a conversation, that used the benefits passage. */
async function beesTurn(over: { candidates?: ReturnType<typeof candidate>[] } = {}) {
  const conversation = await createConversation(t.db, { userId: employee.userId, title: BEES })
  await addMessage(t.db, { conversationId: conversation.id, role: 'user', content: BEES })
  const traceId = await makeTrace(t.db, {
    userId: employee.userId,
    conversationId: conversation.id,
    question: BEES,
    rewrittenQuery: BEES,
    answer: 'I could not find this in the documents you can read.',
    abstained: true,
    candidates: over.candidates ?? [candidate(benefits, 1, { used: true, rank: 1 })],
  })
  await addMessage(t.db, {
    conversationId: conversation.id,
    role: 'assistant',
    content: 'I could not find…',
    traceId,
  })
  return { conversationId: conversation.id, traceId }
}

describe('creating and routing', () => {
  it('snapshots the turn and routes to the default group without an owner', async () => {
    const turn = await beesTurn()
    const created = await createHandoff(t.db, {
      asker: employee,
      traceId: turn.traceId,
      note: ' urgent ',
      routing,
    })
    if (!created.ok) throw new Error(created.message)
    expect(created.routedGroupName).toBe('hr')
    expect(created.handoff).toMatchObject({
      question: BEES,
      note: 'urgent',
      documentId: benefits.documentId,
      conversationId: turn.conversationId,
      status: 'open',
    })
  })

  it('finds the latest answer of a conversation', async () => {
    const turn = await beesTurn()
    const created = await createHandoff(t.db, {
      asker: employee,
      conversationId: turn.conversationId,
      routing,
    })
    expect(created.ok && created.handoff.traceId).toBe(turn.traceId)
  })

  it("refuses someone else's answer or conversation as not found", async () => {
    const turn = await beesTurn()
    expect(await createHandoff(t.db, { asker: other, traceId: turn.traceId, routing })).toMatchObject({
      ok: false,
      reason: 'not-found',
    })
    expect(
      await createHandoff(t.db, { asker: other, conversationId: turn.conversationId, routing }),
    ).toMatchObject({
      ok: false,
      reason: 'not-found',
    })
  })

  it('routes to the document owner, else a tag owner', async () => {
    await ensureGroup(t.db, 'legal')
    await t.db
      .update(documents)
      .set({ tags: ['contracts'] })
      .where(eq(documents.id, legal.documentId))
    const turn = await beesTurn({ candidates: [candidate(legal, 0, { used: true, rank: 1 })] })
    const byTag = await createHandoff(t.db, {
      asker: employee,
      traceId: turn.traceId,
      routing: { tagOwners: parseTagOwners('contracts:legal, bad'), defaultGroup: 'hr' },
    })
    expect(byTag.ok && byTag.routedGroupName).toBe('legal')
    const ownerGroup = await ensureGroup(t.db, 'facilities')
    expect(
      await setDocumentOwner(t.db, {
        actorId: admin.userId,
        documentId: legal.documentId,
        groupId: ownerGroup,
      }),
    ).toMatchObject({ ok: true })
    const byOwner = await createHandoff(t.db, { asker: employee, traceId: turn.traceId, routing })
    expect(byOwner.ok && byOwner.routedGroupName).toBe('facilities')
    await setDocumentOwner(t.db, { actorId: admin.userId, documentId: legal.documentId, groupId: null })
  })

  it('queues a handoff.created webhook when one is configured', async () => {
    const turn = await beesTurn()
    const created = await createHandoff(t.db, {
      asker: employee,
      traceId: turn.traceId,
      routing,
      webhook: { url: 'http://127.0.0.1:9/hook' },
    })
    if (!created.ok) throw new Error(created.message)
    const [row] = await t.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, created.deliveryIds[0] ?? ''))
    expect(row).toMatchObject({ event: 'handoff.created', status: 'pending', handoffId: created.handoff.id })
  })
})

describe('who sees a handoff', () => {
  it('the asker, the routed group with the permission and admins; nobody else', async () => {
    const turn = await beesTurn()
    const created = await createHandoff(t.db, { asker: employee, traceId: turn.traceId, routing })
    if (!created.ok) throw new Error(created.message)
    const id = created.handoff.id
    expect(await getHandoff(t.db, employee, id)).toMatchObject({ canAnswer: false })
    expect(await getHandoff(t.db, hr, id)).toMatchObject({ canAnswer: true })
    expect(await getHandoff(t.db, admin, id)).toMatchObject({ canAnswer: true })
    expect(await getHandoff(t.db, other, id)).toBeNull()
    expect(await getHandoff(t.db, analyst, id)).toBeNull()
    expect((await listHandoffs(t.db, other)).handoffs).toEqual([])
    expect(await viewerHandlesHandoffs(t.db, hr)).toBe(true)
    expect(await viewerHandlesHandoffs(t.db, employee)).toBe(false)
    expect(await viewerHandlesHandoffs(t.db, admin)).toBe(true)

    // Membership alone is not enough: without the permission, hr no longer sees nor answers it.
    const [hrGroup] = await t.db.select().from(groups).where(eq(groups.name, 'hr'))
    await setGroupPermissions(t.db, { actorId: admin.userId, groupId: hrGroup?.id ?? '', permissions: [] })
    expect(await getHandoff(t.db, hr, id)).toBeNull()
    expect(await updateHandoff(t.db, hr, { id, status: 'closed' })).toMatchObject({ reason: 'not-found' })
    expect(await viewerHandlesHandoffs(t.db, hr)).toBe(false)
    await setGroupPermissions(t.db, {
      actorId: admin.userId,
      groupId: hrGroup?.id ?? '',
      permissions: ['handoffs'],
    })
    expect(await getHandoff(t.db, hr, id)).not.toBeNull()
  })

  it('the asker may see but not answer (403, not 404)', async () => {
    const turn = await beesTurn()
    const created = await createHandoff(t.db, { asker: employee, traceId: turn.traceId, routing })
    if (!created.ok) throw new Error(created.message)
    expect(
      await replyToHandoff(t.db, employee, { id: created.handoff.id, text: 'Me', authorName: 'Emma' }),
    ).toMatchObject({ ok: false, reason: 'forbidden' })
  })

  it('lists with keyset pagination and a status filter', async () => {
    const first = await listHandoffs(t.db, hr, { limit: 2 })
    expect(first.handoffs).toHaveLength(2)
    expect(first.nextCursor).not.toBeNull()
    const after = decodeHandoffCursor(first.nextCursor ?? '')
    const second = await listHandoffs(t.db, hr, { limit: 2, after: after ?? undefined })
    expect(second.handoffs[0]?.id).not.toBe(first.handoffs[1]?.id)
    expect(second.handoffs.every((h) => !first.handoffs.some((f) => f.id === h.id))).toBe(true)
    expect(
      (await listHandoffs(t.db, hr, { status: 'closed' })).handoffs.every((h) => h.status === 'closed'),
    ).toBe(true)
    expect(decodeHandoffCursor('garbage')).toBeNull()
  })
})

describe('replying, reading, claiming, promoting', () => {
  it('writes the reply into the conversation, unread until the asker opens it', async () => {
    const turn = await beesTurn()
    const created = await createHandoff(t.db, { asker: employee, traceId: turn.traceId, routing })
    if (!created.ok) throw new Error(created.message)
    const id = created.handoff.id
    const reply = await replyToHandoff(t.db, hr, {
      id,
      text: 'Yes, with the facilities team’s approval.',
      authorName: 'Harper HR',
      citations: [{ chunkId: benefits.chunkIds[1] ?? '', quote: 'Pets are not allowed' }],
    })
    if (!reply.ok) throw new Error(reply.message)
    const [message] = await t.db.select().from(messages).where(eq(messages.id, reply.messageId))
    expect(message).toMatchObject({
      conversationId: turn.conversationId,
      role: 'assistant',
      handoffId: id,
      authorName: 'Harper HR',
      readAt: null,
    })
    // The conversation shows the reply with the passages it cites (the web layer re-checks each one).
    const shown = await listMessages(t.db, {
      conversationId: turn.conversationId,
      groupIds: employee.groupIds,
    })
    expect(shown.find((m) => m.id === reply.messageId)?.citations).toEqual([
      expect.objectContaining({ chunkId: benefits.chunkIds[1], quote: 'Pets are not allowed' }),
    ])
    const detail = await getHandoff(t.db, hr, id)
    expect(detail).toMatchObject({ status: 'answered', assigneeName: 'Harper HR' })
    expect(detail?.firstReplyAt).not.toBeNull()
    expect(detail?.replies[0]?.citations[0]).toMatchObject({
      documentId: benefits.documentId,
      quote: 'Pets are not allowed',
    })
    const listed = await listConversations(t.db, { userId: employee.userId })
    expect(listed.find((c) => c.id === turn.conversationId)?.unread).toBe(true)
    expect(
      await markHandoffRepliesRead(t.db, { conversationId: turn.conversationId, userId: other.userId }),
    ).toBe(0)
    expect(
      await markHandoffRepliesRead(t.db, { conversationId: turn.conversationId, userId: employee.userId }),
    ).toBe(1)
    const after = await listConversations(t.db, { userId: employee.userId })
    expect(after.find((c) => c.id === turn.conversationId)?.unread).toBe(false)
  })

  it('refuses citing a document the asker may not read', async () => {
    const turn = await beesTurn()
    const created = await createHandoff(t.db, { asker: employee, traceId: turn.traceId, routing })
    if (!created.ok) throw new Error(created.message)
    const refused = await replyToHandoff(t.db, hr, {
      id: created.handoff.id,
      text: 'See the salary bands.',
      authorName: 'Harper HR',
      citations: [{ chunkId: salaries.chunkIds[0] ?? '' }],
    })
    expect(refused).toMatchObject({ ok: false, reason: 'forbidden' })
    if (!refused.ok) expect(refused.message).toContain('Salaries')
    const bad = await replyToHandoff(t.db, hr, {
      id: created.handoff.id,
      text: 'x',
      authorName: 'Harper HR',
      citations: [{ chunkId: benefits.chunkIds[0] ?? '', quote: 'not in the passage' }],
    })
    expect(bad).toMatchObject({ ok: false, reason: 'bad-citation' })
    expect((await getHandoff(t.db, hr, created.handoff.id))?.replies).toEqual([])
  })

  it('claims, closes (no replies when closed) and reopens', async () => {
    const turn = await beesTurn()
    const created = await createHandoff(t.db, { asker: employee, traceId: turn.traceId, routing })
    if (!created.ok) throw new Error(created.message)
    const id = created.handoff.id
    expect(await updateHandoff(t.db, hr, { id, assigneeId: hr.userId })).toMatchObject({
      ok: true,
      assigneeId: hr.userId,
    })
    expect(await updateHandoff(t.db, hr, { id, assigneeId: other.userId })).toMatchObject({
      reason: 'bad-assignee',
    })
    expect(await updateHandoff(t.db, hr, { id, status: 'closed' })).toMatchObject({
      ok: true,
      status: 'closed',
    })
    expect(await replyToHandoff(t.db, hr, { id, text: 'late', authorName: 'H' })).toMatchObject({
      reason: 'closed',
    })
    expect(await updateHandoff(t.db, admin, { id, status: 'open' })).toMatchObject({
      ok: true,
      status: 'open',
    })
  })

  it('promotes a reply to a curated answer for the handoff question', async () => {
    const turn = await beesTurn()
    const created = await createHandoff(t.db, { asker: employee, traceId: turn.traceId, routing })
    if (!created.ok) throw new Error(created.message)
    const id = created.handoff.id
    const reply = await replyToHandoff(t.db, hr, { id, text: 'Bees need approval.', authorName: 'Harper HR' })
    if (!reply.ok) throw new Error(reply.message)
    const normalize = (q: string) => q.toLowerCase()
    expect(
      await promoteHandoffReply(t.db, employee, { id, replyId: reply.replyId, normalize }),
    ).toMatchObject({
      reason: 'forbidden',
    })
    expect(
      await promoteHandoffReply(t.db, hr, { id, replyId: '00000000-0000-0000-0000-000000000000', normalize }),
    ).toMatchObject({ reason: 'no-reply' })
    const promoted = await promoteHandoffReply(t.db, hr, { id, replyId: reply.replyId, normalize })
    if (!promoted.ok) throw new Error(promoted.message)
    const [row] = await t.db.select().from(handoffs).where(eq(handoffs.id, id))
    expect(row?.curatedAnswerId).toBe(promoted.curatedAnswerId)
    const curated = await listCuratedAnswers(t.db, admin)
    expect(curated.find((c) => c.id === promoted.curatedAnswerId)).toMatchObject({
      question: BEES,
      answer: 'Bees need approval.',
      status: 'active',
      sourceTraceId: turn.traceId,
    })
  })
})

describe('analytics', () => {
  const range = () => ({ from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 60_000) })

  it('counts the handoff rate and the median time to the first reply', async () => {
    const stats = await handoffStats(t.db, admin, range())
    expect(stats.handoffs).toBeGreaterThan(0)
    expect(stats.answers).toBeGreaterThanOrEqual(stats.handoffs)
    expect(stats.rate).toBeGreaterThan(0)
    expect(stats.medianFirstReplyMs).not.toBeNull()
  })

  it('lists abstentions a person answered, naming the document only to who may read it', async () => {
    // Retrieved (not used) from the hr-only document: the trace stays visible, the document does not.
    const turn = await beesTurn({ candidates: [candidate(salaries, 0, { used: false, rank: 1 })] })
    const created = await createHandoff(t.db, { asker: employee, traceId: turn.traceId, routing })
    if (!created.ok) throw new Error(created.message)
    expect(created.handoff.documentId).toBe(salaries.documentId)
    const reply = await replyToHandoff(t.db, hr, {
      id: created.handoff.id,
      text: 'Only with Facilities approval.',
      authorName: 'Harper HR',
    })
    if (!reply.ok) throw new Error(reply.message)
    const forAdmin = await answeredByPersonNotInDocuments(t.db, admin, range())
    const forAnalyst = await answeredByPersonNotInDocuments(t.db, analyst, range())
    expect(forAdmin.find((g) => g.handoffId === created.handoff.id)).toMatchObject({
      question: BEES,
      humanAnswer: 'Only with Facilities approval.',
      documentTitle: 'Salaries',
    })
    expect(forAnalyst.find((g) => g.handoffId === created.handoff.id)).toMatchObject({
      humanAnswer: 'Only with Facilities approval.',
      documentTitle: null,
      documentId: null,
    })
    expect(forAnalyst.some((g) => g.documentTitle === 'Benefits')).toBe(true)
  })
})
