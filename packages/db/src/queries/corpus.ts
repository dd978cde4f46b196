import { eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../client'
import { corpusRevision } from '../schema'

/** Call inside the transaction that changes what retrieval can see. */
export async function bumpCorpusRevision(tx: DbOrTx): Promise<number> {
  const [row] = await tx
    .insert(corpusRevision)
    .values({ id: 1, revision: 1 })
    .onConflictDoUpdate({
      target: corpusRevision.id,
      set: { revision: sql`${corpusRevision.revision} + 1`, updatedAt: sql`now()` },
    })
    .returning({ revision: corpusRevision.revision })
  return row?.revision ?? 0
}

export async function getCorpusRevision(db: DbOrTx): Promise<number> {
  const [row] = await db.select().from(corpusRevision).where(eq(corpusRevision.id, 1))
  return row?.revision ?? 0
}
