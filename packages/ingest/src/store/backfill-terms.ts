import { type Database, replaceVersionTermStats, sql } from '@policydesk/db'
import { TERMS_VERSION } from '@policydesk/text'
import { chunkTerms, versionTermStats } from './term-index'

type VersionRow = { id: string; title: string }
type ChunkRow = { id: string; text: string; heading_path: string[] }

/**
 * Data migration for chunks indexed before BM25 existed (migration 0006) or by an older tokenizer
 * (`TERMS_VERSION`): recomputes the terms of every chunk of such versions and their statistics, one
 * version per transaction. Idempotent and resumable: a version is done once it carries the current
 * `terms_version`. Runs after the SQL migrations (`policydesk db migrate`, `npm start`) because the
 * tokenizer lives in TypeScript.
 */
export async function backfillChunkTerms(
  db: Database,
  onVersion?: (done: number, total: number) => void,
): Promise<{ versions: number; chunks: number }> {
  const pending = await db.execute(sql`select v.id, d.title from document_versions v
    join documents d on d.id = v.document_id
    where v.terms_version <> ${TERMS_VERSION} and exists (select 1 from chunks c where c.version_id = v.id)
    order by v.created_at`)
  const versions = pending.rows as VersionRow[]
  let chunks = 0
  for (const [index, version] of versions.entries()) {
    onVersion?.(index, versions.length)
    await db.transaction(async (tx) => {
      const rows = (
        await tx.execute(
          sql`select id, text, heading_path from chunks where version_id = ${version.id} order by ordinal`,
        )
      ).rows as ChunkRow[]
      const terms = rows.map((row) =>
        chunkTerms({ text: row.text, headingPath: row.heading_path }, version.title),
      )
      const payload = rows.map((row, i) => ({
        id: row.id,
        terms: terms[i]?.terms ?? [],
        freqs: terms[i]?.freqs ?? [],
        length: terms[i]?.length ?? 0,
      }))
      await tx.execute(sql`update chunks c set
          terms = array(select jsonb_array_elements_text(x->'terms')),
          term_freqs = array(select (jsonb_array_elements_text(x->'freqs'))::real),
          term_count = (x->>'length')::real
        from jsonb_array_elements(${JSON.stringify(payload)}::jsonb) x
        where c.id = (x->>'id')::uuid`)
      await replaceVersionTermStats(tx, version.id, versionTermStats(terms))
      chunks += rows.length
    })
  }
  onVersion?.(versions.length, versions.length)
  return { versions: versions.length, chunks }
}
