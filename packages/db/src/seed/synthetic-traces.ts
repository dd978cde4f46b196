import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { setDocumentGroups } from '../access'
import type { DbOrTx } from '../client'
import { ensureGroup } from '../queries/groups'
import { upsertUser } from '../queries/users'
import {
  answerTraces,
  conversations,
  documents,
  documentVersions,
  feedback,
  reviews,
  type TraceCandidate,
  type TraceCitation,
  type TraceValidation,
} from '../schema'

/**
 * Synthetic answer traces for benchmarks and query tests: realistic shapes (40 candidates, citations,
 * per-sentence validation, latencies), deterministic for a given seed, no corpus or pipeline needed.
 * Documents, versions and their groups are real rows (the access rule reads them); chunks are not.
 */

/** Mulberry32: a small deterministic PRNG. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TOPICS = [
  'parental leave',
  'expense claims',
  'travel insurance',
  'remote work',
  'laptop replacement',
  'learning budget',
  'on-call pay',
  'data retention',
  'incident response',
  'whistleblowing',
  'refunds',
  'procurement approval',
  'performance reviews',
  'sick leave',
  'public holidays',
  'home office stipend',
  'password rotation',
  'conference travel',
  'relocation support',
  'gym membership',
]
const TEMPLATES = [
  'How many days of {t} do I get?',
  'Who approves {t}?',
  'What is the policy on {t} for contractors?',
  'Can I get {t} in my first year?',
  'Where do I request {t}?',
  'Does {t} apply when working abroad?',
]

export type SyntheticDocument = { documentId: string; versionId: string; title: string; restricted: boolean }

/** Creates `count` documents with one ready version each; every `restrictedEvery`-th is hr-only. */
export async function seedSyntheticDocuments(
  db: DbOrTx,
  options: { count?: number; restrictedEvery?: number; prefix?: string } = {},
): Promise<SyntheticDocument[]> {
  const docs: SyntheticDocument[] = []
  const count = options.count ?? 20
  for (let i = 0; i < count; i++) {
    const restricted = (i + 1) % (options.restrictedEvery ?? 10) === 0
    const title = `${options.prefix ?? 'Synthetic'} policy ${i + 1}: ${TOPICS[i % TOPICS.length]}`
    const [doc] = await db
      .insert(documents)
      .values({
        slug: `${options.prefix ?? 'synthetic'}-${i + 1}-${randomUUID().slice(0, 8)}`,
        title,
        sourceName: `${title}.md`,
      })
      .returning({ id: documents.id })
    if (!doc) throw new Error('could not insert document')
    const [version] = await db
      .insert(documentVersions)
      .values({ documentId: doc.id, versionNo: 1, sha256: randomUUID(), sizeBytes: 1000, status: 'ready' })
      .returning({ id: documentVersions.id })
    if (!version) throw new Error('could not insert version')
    await db.update(documents).set({ currentVersionId: version.id }).where(eq(documents.id, doc.id))
    await setDocumentGroups(db, doc.id, [restricted ? 'hr' : 'everyone'])
    docs.push({ documentId: doc.id, versionId: version.id, title, restricted })
  }
  return docs
}

export type SyntheticTraceOptions = {
  count: number
  documents: SyntheticDocument[]
  /** Spread over this many days before `now`. */
  days?: number
  now?: Date
  seed?: number
  batchSize?: number
  candidatesPerTrace?: number
  /**
   * Every fifth trace is a rewritten follow-up ("And for contractors?") of the trace before it, in one
   * conversation, asked by the same user: what the access rule's rewrite check reads.
   */
  followUps?: boolean
  onProgress?: (done: number) => void
}

export type SyntheticSummary = {
  traces: number
  abstained: number
  up: number
  down: number
  reviewed: number
  restricted: number
}

/** Inserts synthetic traces (with ~5% feedback and ~2% reviews) in batches; returns what it made. */
export async function insertSyntheticTraces(
  db: DbOrTx,
  options: SyntheticTraceOptions,
): Promise<SyntheticSummary> {
  const rand = seededRandom(options.seed ?? 42)
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(rand() * items.length)]
    if (item === undefined) throw new Error('empty list')
    return item
  }
  const everyone = await ensureGroup(db, 'everyone')
  const hr = await ensureGroup(db, 'hr')
  const employee = await upsertUser(db, {
    email: 'synthetic-employee@example.com',
    name: 'Synthetic Employee',
    role: 'employee',
  })
  const hrUser = await upsertUser(db, {
    email: 'synthetic-hr@example.com',
    name: 'Synthetic HR',
    role: 'employee',
    groups: ['hr'],
  })
  const open = options.documents.filter((d) => !d.restricted)
  const now = (options.now ?? new Date()).getTime()
  const spanMs = (options.days ?? 90) * 86_400_000
  const batchSize = options.batchSize ?? 500
  const perTrace = options.candidatesPerTrace ?? 40
  const summary: SyntheticSummary = { traces: 0, abstained: 0, up: 0, down: 0, reviewed: 0, restricted: 0 }

  for (let done = 0; done < options.count; ) {
    const n = Math.min(batchSize, options.count - done)
    const traces: (typeof answerTraces.$inferInsert)[] = []
    const ratings: (typeof feedback.$inferInsert)[] = []
    const verdicts: (typeof reviews.$inferInsert)[] = []
    const threads: (typeof conversations.$inferInsert)[] = []
    for (let i = 0; i < n; i++) {
      const id = randomUUID()
      const previous = traces[traces.length - 1]
      const followUp = options.followUps === true && (done + i) % 5 === 4 && previous !== undefined
      const hrRoll = rand() < 0.1
      const asHr = followUp ? previous.userId === hrUser : hrRoll
      const pool = asHr ? options.documents : open
      const question = pick(TEMPLATES).replace('{t}', pick(TOPICS))
      const abstained = rand() < 0.1
      const candidates: TraceCandidate[] = Array.from({ length: perTrace }, (_, r) => {
        const doc = pick(pool)
        return {
          chunkId: randomUUID(),
          documentId: doc.documentId,
          versionId: doc.versionId,
          title: doc.title,
          vectorScore: rand() < 0.8 ? Math.round(rand() * 1e4) / 1e4 : null,
          vectorRank: r + 1,
          textScore: rand() < 0.7 ? Math.round(rand() * 1e4) / 1e4 : null,
          textRank: r + 1,
          fusedScore: 1.5 / (61 + r),
          rank: r + 1,
          used: r < 4,
          cited: !abstained && r < 2,
        }
      })
      const used = candidates.filter((c) => c.used)
      const citations: TraceCitation[] = abstained
        ? []
        : candidates
            .filter((c) => c.cited)
            .map((c, k) => ({
              n: k + 1,
              documentId: c.documentId,
              title: c.title,
              versionId: c.versionId,
              chunkId: c.chunkId,
              quote: `A quoted sentence about ${question.toLowerCase()}`,
              page: null,
            }))
      const unsupported = !abstained && rand() < 0.06
      const validation: TraceValidation = {
        valid: !abstained && !unsupported,
        invalidCitations: unsupported && rand() < 0.3 ? [7] : [],
        sentences: abstained
          ? [
              {
                text: 'I could not find this in the policies.',
                citations: [],
                support: 0,
                supported: true,
                claim: false,
              },
            ]
          : [
              { text: 'The policy says this.', citations: [1], support: 0.8, supported: true, claim: true },
              {
                text: 'And also that.',
                citations: [2],
                support: unsupported ? 0.1 : 0.7,
                supported: !unsupported,
                claim: true,
              },
            ],
        supportedSentenceRate: abstained ? 0 : unsupported ? 0.5 : 1,
      }
      const ttft = Math.round(40 + rand() * 400)
      const touchesRestricted = used.some(
        (c) => options.documents.find((d) => d.versionId === c.versionId)?.restricted,
      )
      let conversationId: string | null = null
      if (followUp) {
        conversationId = randomUUID()
        threads.push({ id: conversationId, userId: previous.userId ?? employee, title: previous.question })
        previous.conversationId = conversationId
      }
      traces.push({
        id,
        userId: asHr ? hrUser : employee,
        conversationId,
        question: followUp ? 'And for contractors?' : question,
        rewrittenQuery: followUp ? `${previous.question.replace(/\?$/, '')}: And for contractors?` : question,
        answer: abstained
          ? 'I could not find this in the policies you can access.'
          : `The policy says this [1]. And also that [2]. (${question})`,
        abstained,
        candidates,
        citations,
        validation,
        versionIds: [...new Set(used.map((c) => c.versionId))],
        groupIds: asHr ? [everyone, hr] : [everyone],
        promptVersion: 'answer-v1',
        model: rand() < 0.8 ? 'extractive-v1' : 'gpt-4o-mini',
        embeddingModel: 'hashing-384',
        tokensIn: Math.round(800 + rand() * 1200),
        tokensOut: Math.round(40 + rand() * 200),
        costUsd: Math.round(rand() * 1e5) / 1e8,
        latencyMs: {
          rewrite: 0.1,
          embed: 3,
          retrieve: 20,
          generate: ttft + 30,
          ttft,
          validate: 2,
          total: ttft + 60,
        },
        ttftMs: ttft,
        totalMs: ttft + 60,
        // Fused RRF score of the top candidate: both sides agree (most), only text, or only vector ranks it.
        // Evidence scores: most answers well supported, a tail of weak ones (the "low score" filter).
        topScore: ((r) => (r < 0.7 ? 0.9 : r < 0.9 ? 0.7 : 0.5))(rand()),
        // In insertion order, as a real log grows (append-only, so rows of one day sit together on disk).
        createdAt: new Date(now - spanMs + Math.floor(((done + i + rand()) / options.count) * spanMs)),
      })
      summary.traces++
      if (abstained) summary.abstained++
      if (touchesRestricted) summary.restricted++
      const roll = rand()
      if (roll < 0.05) {
        const rating = roll < 0.03 ? 'up' : 'down'
        ratings.push({ traceId: id, userId: asHr ? hrUser : employee, rating })
        summary[rating]++
      }
      if (rand() < 0.02) {
        verdicts.push({
          traceId: id,
          verdict: pick(['approved', 'corrected', 'rejected'] as const),
          labels: [],
        })
        summary.reviewed++
      }
    }
    if (threads.length) await db.insert(conversations).values(threads)
    await db.insert(answerTraces).values(traces)
    if (ratings.length) await db.insert(feedback).values(ratings)
    if (verdicts.length) await db.insert(reviews).values(verdicts)
    done += n
    options.onProgress?.(done)
  }
  return summary
}
