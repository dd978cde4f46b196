import { inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../client'
import { documents, type TraceCandidate } from '../schema'
import { documentReadableBy } from './documents'
import { seesEverything, type Viewer } from './viewer'

/** A retrieved candidate the viewer may see in full. */
export type ReadableCandidate = TraceCandidate & { readable: true }

/**
 * A retrieved candidate of a document the viewer may not read: its rank and scores stay (they explain the
 * ranking), what names or points at the document goes (title and every id).
 */
export type RedactedCandidate = Omit<TraceCandidate, 'chunkId' | 'documentId' | 'versionId' | 'title'> & {
  readable: false
  chunkId: null
  documentId: null
  versionId: null
  title: null
}

export type VisibleCandidate = ReadableCandidate | RedactedCandidate

/**
 * The one redaction of a trace's candidates, shared by the answer detail and the exports. Used and cited
 * candidates are readable whenever the trace is visible (`traceVisibleTo`); unused ones may not be.
 */
export function redactCandidates(
  candidates: readonly TraceCandidate[],
  hiddenDocuments: ReadonlySet<string>,
): VisibleCandidate[] {
  return candidates.map((c): VisibleCandidate => {
    if (!hiddenDocuments.has(c.documentId)) return { ...c, readable: true }
    const { chunkId: _c, documentId: _d, versionId: _v, title: _t, ...scores } = c
    return { ...scores, readable: false, chunkId: null, documentId: null, versionId: null, title: null }
  })
}

/** Which of these documents the viewer may not read (none for an admin; an unknown id counts as hidden). */
export async function hiddenDocumentsAmong(
  db: DbOrTx,
  viewer: Viewer,
  documentIds: readonly string[],
): Promise<Set<string>> {
  const ids = [...new Set(documentIds)]
  if (ids.length === 0 || seesEverything(viewer)) return new Set()
  const rows = await db
    .select({ id: documents.id, readable: documentReadableBy(viewer, sql.raw('"documents"."id"')) })
    .from(documents)
    .where(inArray(documents.id, ids))
  const readable = new Set(rows.filter((r) => r.readable).map((r) => r.id))
  return new Set(ids.filter((id) => !readable.has(id)))
}
