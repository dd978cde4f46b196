import 'server-only'
import {
  documentAccess,
  EVERYONE_GROUP,
  getUserById,
  groupIdByName,
  listGroups,
  readableGroupIds,
} from '@policydesk/db'
import { answer, type InferenceDeps, retrieve } from '@policydesk/inference'
import type { PlaygroundExclusion, PlaygroundRequest, PlaygroundResult } from './playground-schema'

type Reader = { userId: string | null; groupIds: string[]; label: string }

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

  const retrieveStart = performance.now()
  const asReader = await retrieve(deps, request.question, reader.groupIds)
  const asAll = await retrieve(
    deps,
    request.question,
    groups.map((g) => g.id),
  )
  const retrieveMs = performance.now() - retrieveStart

  const answerStart = performance.now()
  const result = await answer(
    { ...deps, settings: { ...deps.settings, cache: false } },
    {
      question: request.question,
      user: { userId: reader.userId, groupIds: reader.groupIds },
      skipTrace: true,
    },
  )
  const answerMs = performance.now() - answerStart

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
