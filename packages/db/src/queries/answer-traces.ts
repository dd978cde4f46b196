import type { DbOrTx } from '../client'
import { answerTraces } from '../schema'

export type NewAnswerTrace = Omit<typeof answerTraces.$inferInsert, 'id' | 'createdAt'>

/** Writes one answer's trace (what analysts review); returns its id. */
export async function insertAnswerTrace(db: DbOrTx, values: NewAnswerTrace): Promise<string> {
  const [row] = await db.insert(answerTraces).values(values).returning({ id: answerTraces.id })
  if (!row) throw new Error('Could not write the answer trace')
  return row.id
}
