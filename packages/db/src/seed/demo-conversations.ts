import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '../client'
import { addMessage, createConversation } from '../queries/conversations'
import { upsertFeedback } from '../queries/feedback'
import { readableGroupIds } from '../queries/groups'
import { getUserByEmail } from '../queries/users'
import { conversations } from '../schema'

export type DemoFeedback = { rating: 'up' | 'down'; reason?: string; comment?: string }
export type DemoTurn = { question: string; feedback?: DemoFeedback }
export type DemoConversation = { asker: string; title: string; turns: DemoTurn[] }

/**
 * Conversations of the demo users with ratings, for the review area's demo and e2e tests: answered,
 * abstained and follow-up turns, thumbs up and down, and one hr-only answer an analyst must not see.
 */
export const demoConversations: DemoConversation[] = [
  {
    asker: 'employee@example.com',
    title: 'Annual leave in Berlin',
    turns: [
      {
        question: 'How many days of annual leave do employees in the Berlin office get?',
        feedback: { rating: 'up' },
      },
      {
        question: 'And in Lisbon?',
        feedback: { rating: 'down', reason: 'incomplete', comment: 'It did not give the Lisbon number.' },
      },
    ],
  },
  {
    asker: 'employee@example.com',
    title: 'Laptop refresh',
    turns: [
      {
        question: 'How often do we get a new laptop?',
        feedback: { rating: 'down', reason: 'incorrect', comment: 'I heard it is every three years.' },
      },
    ],
  },
  {
    asker: 'employee@example.com',
    title: 'Dogs at the office',
    turns: [
      {
        question: 'Can I bring my dog to the office?',
        feedback: { rating: 'down', reason: 'irrelevant', comment: 'We need a pets policy.' },
      },
    ],
  },
  {
    asker: 'employee@example.com',
    title: 'Dogs allowed?',
    turns: [{ question: 'Are dogs allowed in the office?' }],
  },
  {
    asker: 'employee@example.com',
    title: 'Gym membership',
    turns: [{ question: 'Can I use company money for my gym membership?', feedback: { rating: 'up' } }],
  },
  {
    asker: 'employee@example.com',
    title: 'Meal limit in the US',
    turns: [{ question: "What's the daily meal limit when I'm travelling in the US?" }],
  },
  {
    asker: 'employee@example.com',
    title: 'Bonus target',
    turns: [{ question: 'What is the annual bonus target for an L4 engineer?' }],
  },
  {
    asker: 'hr@example.com',
    title: 'Salary band Lisbon',
    turns: [
      {
        question: 'What is the salary band for an L3 Senior engineer in Lisbon?',
        feedback: { rating: 'down', reason: 'incomplete', comment: 'Missing the bonus component.' },
      },
    ],
  },
]

/** Runs one question through the real answer pipeline as the given user (injected: db cannot import it). */
export type AskDemoQuestion = (input: {
  userId: string
  groupIds: string[]
  conversationId: string
  question: string
  history: { role: 'user' | 'assistant'; content: string }[]
}) => Promise<{ traceId: string | null; text: string; abstained: boolean }>

export type DemoConversationsSummary = {
  conversations: number
  skipped: number
  traces: number
  abstained: number
  up: number
  down: number
  /** The same counts per asker email (an analyst does not see the hr user's hr-only answers). */
  byAsker: Record<string, { traces: number; abstained: number; up: number; down: number }>
}

/**
 * Asks every demo question through `ask` (the real pipeline, so traces are real) as its demo user,
 * stores the conversation like the chat does, then rates the answers. A conversation the user already has
 * (same title) is skipped, so running it twice adds nothing.
 */
export async function seedDemoConversations(
  db: DbOrTx,
  ask: AskDemoQuestion,
  items: DemoConversation[] = demoConversations,
): Promise<DemoConversationsSummary> {
  const summary: DemoConversationsSummary = {
    conversations: 0,
    skipped: 0,
    traces: 0,
    abstained: 0,
    up: 0,
    down: 0,
    byAsker: {},
  }
  for (const item of items) {
    const user = await getUserByEmail(db, item.asker)
    if (!user) throw new Error(`No user ${item.asker}: seed the demo users first`)
    const [existing] = await db
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.userId, user.id), eq(conversations.title, item.title)))
    if (existing) {
      summary.skipped++
      continue
    }
    const groupIds = await readableGroupIds(db, user.id)
    const conversation = await createConversation(db, { userId: user.id, title: item.title })
    const history: { role: 'user' | 'assistant'; content: string }[] = []
    for (const turn of item.turns) {
      await addMessage(db, { conversationId: conversation.id, role: 'user', content: turn.question })
      const result = await ask({
        userId: user.id,
        groupIds,
        conversationId: conversation.id,
        question: turn.question,
        history: [...history],
      })
      await addMessage(db, {
        conversationId: conversation.id,
        role: 'assistant',
        content: result.text,
        traceId: result.traceId,
      })
      history.push({ role: 'user', content: turn.question }, { role: 'assistant', content: result.text })
      if (!result.traceId) continue
      const mine = summary.byAsker[item.asker] ?? { traces: 0, abstained: 0, up: 0, down: 0 }
      summary.byAsker[item.asker] = mine
      summary.traces++
      mine.traces++
      if (result.abstained) {
        summary.abstained++
        mine.abstained++
      }
      if (turn.feedback) {
        await upsertFeedback(db, {
          traceId: result.traceId,
          userId: user.id,
          rating: turn.feedback.rating,
          reason: turn.feedback.reason ?? null,
          comment: turn.feedback.comment ?? null,
        })
        summary[turn.feedback.rating]++
        mine[turn.feedback.rating]++
      }
    }
    summary.conversations++
  }
  return summary
}
