import { contentTerms, normalizeText } from '@policydesk/text'

export type GapInput = {
  traceId: string
  question: string
  abstained: boolean
  down: boolean
  createdAt: Date
}

export type GapCluster = {
  /** The most asked wording in the cluster. */
  label: string
  count: number
  abstained: number
  down: number
  lastAskedAt: Date
  /** Up to five distinct wordings, most asked first, each with one trace to open. */
  examples: { question: string; traceId: string; count: number }[]
}

/** Clusters join when their content-term sets overlap this much (Jaccard). */
export const GAP_JACCARD = 0.5

const normalize = (q: string) =>
  normalizeText(q)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1
  let shared = 0
  for (const t of a) if (b.has(t)) shared++
  return shared / (a.size + b.size - shared)
}

type Group = { key: string; terms: Set<string>; items: GapInput[] }

/**
 * Coverage gaps: questions that were not answered (abstained) or rated down, grouped by normalised
 * wording, then greedily clustered, biggest groups first, into the first cluster whose seed shares at
 * least half of its content terms (stemmed, stop words dropped). O(groups × clusters); the caller bounds
 * the input (the last N questions). Biggest clusters first.
 */
export function clusterCoverageGaps(questions: GapInput[], limit = 10): GapCluster[] {
  const groups = new Map<string, Group>()
  for (const q of questions) {
    const key = normalize(q.question)
    if (!key) continue
    let group = groups.get(key)
    if (!group) {
      group = { key, terms: new Set(contentTerms(q.question)), items: [] }
      groups.set(key, group)
    }
    group.items.push(q)
  }
  const ordered = [...groups.values()].sort(
    (a, b) => b.items.length - a.items.length || a.key.localeCompare(b.key),
  )
  const clusters: { first: Group; groups: Group[] }[] = []
  for (const group of ordered) {
    const home = clusters.find((c) => jaccard(c.first.terms, group.terms) >= GAP_JACCARD)
    if (home) home.groups.push(group)
    else clusters.push({ first: group, groups: [group] })
  }
  return clusters
    .map((c): GapCluster => {
      const items = c.groups.flatMap((g) => g.items)
      const newest = (g: Group) => g.items.reduce((best, i) => (i.createdAt > best.createdAt ? i : best))
      return {
        label: newest(c.first).question,
        count: items.length,
        abstained: items.filter((i) => i.abstained).length,
        down: items.filter((i) => i.down).length,
        lastAskedAt: new Date(Math.max(...items.map((i) => i.createdAt.getTime()))),
        examples: c.groups.slice(0, 5).map((g) => {
          const latest = newest(g)
          return { question: latest.question, traceId: latest.traceId, count: g.items.length }
        }),
      }
    })
    .sort((a, b) => b.count - a.count || b.lastAskedAt.getTime() - a.lastAskedAt.getTime())
    .slice(0, limit)
}
