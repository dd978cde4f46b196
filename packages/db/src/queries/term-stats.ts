import { sql } from 'drizzle-orm'
import type { DbOrTx } from '../client'

/**
 * Replaces a version's BM25 statistics: its document frequencies (`version_term_stats`) and total length.
 * Call in the transaction that writes the version's chunks, so the two never disagree.
 */
export async function replaceVersionTermStats(
  tx: DbOrTx,
  versionId: string,
  stats: { df: Map<string, number>; termTotal: number; termsVersion: number },
): Promise<void> {
  await tx.execute(sql`delete from version_term_stats where version_id = ${versionId}`)
  if (stats.df.size > 0)
    // Two parallel arrays unnested server-side: one statement for the thousands of terms of a document.
    await tx.execute(sql`insert into version_term_stats (term, version_id, df)
      select t.term, ${versionId}::uuid, t.df
      from unnest(${sql.param([...stats.df.keys()])}::text[], ${sql.param([...stats.df.values()])}::int[]) as t(term, df)`)
  await tx.execute(sql`update document_versions
    set term_total = ${stats.termTotal}, terms_version = ${stats.termsVersion} where id = ${versionId}`)
}
