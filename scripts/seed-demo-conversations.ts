/**
 * Demo conversations with feedback, answered by the REAL pipeline (`answer()` as the demo users), so the
 * review area has genuine traces to show: the analyst demo and apps/web/e2e/review.spec.ts use it.
 *
 *   POLICYDESK_DATA_DIR=.data npx tsx scripts/seed-demo-conversations.ts [--json]
 *
 * Needs a seeded database (`policydesk start` once, or `policydesk db seed`); uses DATABASE_URL or the
 * embedded database of the data dir. Idempotent: conversations the demo users already have are skipped.
 */
import { parseArgs } from 'node:util'
import { createDb, seedDemoConversations } from '@policydesk/db'
import { acquireDatabase } from '@policydesk/db/embedded'
import { answer, createInferenceDeps } from '@policydesk/inference'

const { values: args } = parseArgs({ options: { json: { type: 'boolean', default: false } } })

const database = await acquireDatabase({ start: true })
const handle = createDb(database.url, { poolSize: 2 })
try {
  const deps = createInferenceDeps(handle.db)
  const summary = await seedDemoConversations(handle.db, async (input) => {
    const result = await answer(deps, {
      question: input.question,
      history: input.history,
      user: { userId: input.userId, groupIds: input.groupIds },
      conversationId: input.conversationId,
    })
    return { traceId: result.traceId, text: result.text, abstained: result.abstained }
  })
  if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`)
  else
    process.stdout.write(
      `Seeded ${summary.conversations} conversations (${summary.skipped} already there): ${summary.traces} answers, ` +
        `${summary.abstained} abstained, ${summary.up} thumbs up, ${summary.down} thumbs down.\n`,
    )
} finally {
  await handle.close()
}
