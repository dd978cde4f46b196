import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { setDocumentGroups } from '../access'
import type { DbOrTx } from '../client'
import {
  answerTraces,
  chunks,
  documents,
  documentVersions,
  type TraceCandidate,
  type TraceCitation,
} from '../schema'

/** Test data for the review queries (*.int.test.ts): documents with chunks, and traces over them. */

export type FixtureDoc = { documentId: string; versionId: string; title: string; chunkIds: string[] }

export async function makeDoc(
  db: DbOrTx,
  input: { title: string; group: string; passages: string[] },
): Promise<FixtureDoc> {
  const [doc] = await db
    .insert(documents)
    .values({ slug: `${input.title}-${randomUUID()}`, title: input.title, sourceName: `${input.title}.md` })
    .returning({ id: documents.id })
  if (!doc) throw new Error('no document')
  await setDocumentGroups(db, doc.id, [input.group])
  const version = await addVersion(db, doc.id, 1, input.passages)
  return { documentId: doc.id, title: input.title, ...version }
}

/** A new ready version with these passages, made current. */
export async function addVersion(
  db: DbOrTx,
  documentId: string,
  versionNo: number,
  passages: string[],
): Promise<{ versionId: string; chunkIds: string[] }> {
  const [version] = await db
    .insert(documentVersions)
    .values({ documentId, versionNo, sha256: randomUUID(), sizeBytes: 100, status: 'ready' })
    .returning({ id: documentVersions.id })
  if (!version) throw new Error('no version')
  const rows = await db
    .insert(chunks)
    .values(
      passages.map((text, ordinal) => ({
        versionId: version.id,
        ordinal,
        text,
        charStart: 0,
        charEnd: text.length,
        tokenCount: 10,
        heading: `Section ${ordinal + 1}`,
      })),
    )
    .returning({ id: chunks.id })
  await db.update(documents).set({ currentVersionId: version.id }).where(eq(documents.id, documentId))
  return { versionId: version.id, chunkIds: rows.map((r) => r.id) }
}

export function candidate(
  doc: FixtureDoc,
  index: number,
  over: Partial<TraceCandidate> = {},
): TraceCandidate {
  const chunkId = doc.chunkIds[index]
  if (!chunkId) throw new Error('no such chunk')
  return {
    chunkId,
    documentId: doc.documentId,
    versionId: doc.versionId,
    title: doc.title,
    vectorScore: 0.5,
    vectorRank: index + 1,
    textScore: 0.3,
    textRank: index + 1,
    fusedScore: 1.5 / (61 + index),
    rank: index + 1,
    used: true,
    cited: false,
    ...over,
  }
}

export function citation(doc: FixtureDoc, index: number, n: number, quote = ''): TraceCitation {
  const chunkId = doc.chunkIds[index]
  if (!chunkId) throw new Error('no such chunk')
  return {
    n,
    documentId: doc.documentId,
    title: doc.title,
    versionId: doc.versionId,
    chunkId,
    quote,
    page: null,
  }
}

type TraceOverrides = Partial<typeof answerTraces.$inferInsert> & { unsupported?: boolean }

/** One trace with sensible defaults; `unsupported` adds a claim sentence the validator rejected. */
export async function makeTrace(db: DbOrTx, over: TraceOverrides = {}): Promise<string> {
  const { unsupported, ...values } = over
  const candidates = values.candidates ?? []
  const [row] = await db
    .insert(answerTraces)
    .values({
      question: 'How many vacation days do I get?',
      rewrittenQuery: values.question ?? 'How many vacation days do I get?',
      answer: 'You get 25 days [1].',
      abstained: false,
      candidates,
      citations: [],
      validation: {
        valid: !unsupported,
        invalidCitations: [],
        sentences: [
          { text: 'You get 25 days.', citations: [1], support: 0.9, supported: true, claim: true },
          ...(unsupported
            ? [{ text: 'And a pony.', citations: [1], support: 0.1, supported: false, claim: true }]
            : []),
        ],
        supportedSentenceRate: unsupported ? 0.5 : 1,
      },
      versionIds: [...new Set(candidates.filter((c) => c.used).map((c) => c.versionId))],
      groupIds: [],
      promptVersion: 'answer-v1',
      model: 'extractive-v1',
      embeddingModel: 'hashing-384',
      latencyMs: { rewrite: 1, embed: 2, retrieve: 10, generate: 40, ttft: 20, validate: 1, total: 60 },
      ttftMs: 20,
      totalMs: 60,
      topScore: 0.0246,
      ...values,
    })
    .returning({ id: answerTraces.id })
  if (!row) throw new Error('no trace')
  return row.id
}
