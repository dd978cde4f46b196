import { type Database, getUserAttributes, seedDemoConversations } from '@policydesk/db'
import { answer, createInferenceDeps } from '@policydesk/inference'

/**
 * Demo conversations with feedback, answered by the REAL pipeline as the demo users, so the review area
 * has genuine traces (retrieval, validation, latency) to show. Idempotent: conversations the demo users
 * already have are skipped. The db package holds the script; the answers come from here (db cannot
 * import inference).
 */
export function seedConversations(db: Database) {
  const deps = createInferenceDeps(db)
  return seedDemoConversations(db, async (input) => {
    const result = await answer(deps, {
      question: input.question,
      history: input.history,
      user: {
        userId: input.userId,
        groupIds: input.groupIds,
        attributes: await getUserAttributes(db, input.userId),
      },
      conversationId: input.conversationId,
    })
    return { traceId: result.traceId, text: result.text, abstained: result.abstained }
  })
}
