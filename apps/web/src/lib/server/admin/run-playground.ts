import 'server-only'
import {
  documentAccess,
  EVERYONE_GROUP,
  getUserById,
  groupIdByName,
  listGroups,
  normaliseAttributes,
  readableGroupIds,
  type schema,
} from '@policydesk/db'
import {
  type AnswerResult,
  type InferenceDeps,
  type RetrievalEvent,
  retrieve,
  retrieveContext,
  streamAnswer,
} from '@policydesk/inference'
import { findUntrustedSpans } from '@policydesk/text'
import type { PlaygroundRequest } from '@/app/api/admin/playground/schema'
import type { PlaygroundExclusion, PlaygroundResult } from '@/lib/shared/admin/playground-schema'

type Reader = {
  userId: string | null
  groupIds: string[]
  /** A user's profile (their country's rules); a group reader has none. */
  attributes?: schema.UserAttributes
  label: string
}

async function resolveReader(
  deps: InferenceDeps,
  request: PlaygroundRequest['reader'],
): Promise<Reader | null> {
  if (request.kind === 'user') {
    const user = await getUserById(deps.db, request.userId)
    if (!user) return null
    return {
      userId: user.id,
      groupIds: await readableGroupIds(deps.db, user.id),
      attributes: normaliseAttributes(user.attributes),
      label: `${user.name} (${user.email}, ${user.role})`,
    }
  }
  const groups = await listGroups(deps.db)
  const group = groups.find((g) => g.id === request.groupId)
  if (!group) return null
  const everyone = await groupIdByName(deps.db, EVERYONE_GROUP)
  const groupIds = [...new Set([group.id, ...(everyone ? [everyone] : [])])].sort()
  return { userId: null, groupIds, label: `A member of ${group.name}` }
}

/**
 * What the pipeline does for one question and one reader: the ranked passages with every score, which
 * became context, the built-in answer and its validation (no trace, no cache), and which documents an
 * all-access reader would have matched but this reader may not read (titles only).
 */
export async function runPlayground(
  deps: InferenceDeps,
  request: PlaygroundRequest,
): Promise<PlaygroundResult | null> {
  const reader = await resolveReader(deps, request.reader)
  if (!reader) return null
  const groups = await listGroups(deps.db)
  const names = new Map(groups.map((g) => [g.id, g.name]))

  // The reader's run is the real pipeline (no trace, no cache); its retrieval event shows the passages.
  const answerStart = performance.now()
  let seen: RetrievalEvent | undefined
  let result: AnswerResult | undefined
  for await (const event of streamAnswer(
    { ...deps, settings: { ...deps.settings, cache: false } },
    {
      question: request.question,
      user: { userId: reader.userId, groupIds: reader.groupIds, attributes: reader.attributes },
      skipTrace: true,
    },
  )) {
    if (event.type === 'retrieval') seen = event
    if (event.type === 'final') result = event.result
  }
  if (!result) throw new Error('The answer pipeline ended without a result')
  const answerMs = performance.now() - answerStart

  const retrieveStart = performance.now()
  // A curated answer skips retrieval: run it anyway, so the admin still sees what the documents hold.
  const asReader = seen ?? (await retrieveContext(deps, request.question, reader))
  const asAll = await retrieve(
    deps,
    request.question,
    groups.map((g) => g.id),
  )
  const retrieveMs = performance.now() - retrieveStart

  const context = new Set(asReader.context.map((c) => c.chunkId))
  const cited = new Set(result.citations.map((c) => c.chunkId))
  return {
    reader: { label: reader.label, groups: reader.groupIds.map((id) => names.get(id) ?? id).sort() },
    passages: asReader.candidates.map((c) => ({
      rank: c.rank,
      chunkId: c.chunkId,
      documentId: c.documentId,
      title: c.title,
      headingPath: c.headingPath,
      pageStart: c.pageStart,
      pageEnd: c.pageEnd,
      tokenCount: c.tokenCount,
      text: c.text,
      vectorScore: c.vectorScore,
      vectorRank: c.vectorRank,
      textScore: c.textScore,
      textRank: c.textRank,
      fusedScore: c.fusedScore,
      inContext: context.has(c.chunkId),
      cited: cited.has(c.chunkId),
      untrusted: findUntrustedSpans(c.text),
    })),
    answer: {
      text: result.text,
      abstained: result.abstained,
      curated: result.curatedAnswerId !== null,
      model: result.model,
      citations: result.citations.map((c) => ({
        n: c.n,
        title: c.title,
        documentId: c.documentId,
        headingPath: c.headingPath,
        chunkId: c.chunkId,
      })),
      validation: result.validation,
    },
    excluded: await exclusions(deps, asAll.candidates, reader.groupIds),
    timings: { retrieveMs: Math.round(retrieveMs), answerMs: Math.round(answerMs) },
  }
}

type Ranked = { documentId: string; title: string; rank: number }

/** Documents in the all-access results that the reader's groups may not read, by best rank. */
async function exclusions(
  deps: InferenceDeps,
  all: Ranked[],
  readerGroups: string[],
): Promise<PlaygroundExclusion[]> {
  const byDocument = new Map<string, { title: string; bestRank: number; passages: number }>()
  for (const c of all) {
    const seen = byDocument.get(c.documentId)
    if (seen) {
      seen.passages++
      seen.bestRank = Math.min(seen.bestRank, c.rank)
    } else byDocument.set(c.documentId, { title: c.title, bestRank: c.rank, passages: 1 })
  }
  const readable = new Set(readerGroups)
  const access = await documentAccess(deps.db, [...byDocument.keys()])
  return access
    .filter((a) => !a.groupIds.some((id) => readable.has(id)))
    .flatMap((a) => {
      const doc = byDocument.get(a.documentId)
      return doc ? [{ documentId: a.documentId, ...doc, readableBy: a.groupNames }] : []
    })
    .sort((a, b) => a.bestRank - b.bestRank)
}
