import { Random } from './random'

/**
 * A clustered synthetic corpus for retrieval benchmarks, generated directly as vectors (no embedder):
 * topics × documents × chunks. A chunk's vector is `normalise(topic + 0.8·doc + 1.0·noise)` with random unit
 * directions, so chunks of one document sit closest together (cosine ≈ 0.6), then the rest of the topic
 * (≈ 0.4), then everything else (≈ 0) — the shape real embeddings of a policy corpus have, and far easier
 * for HNSW than uniform random vectors. Queries aim at one document's region the same way.
 *
 * Access: 20 groups of Zipf-like popularity; each document is shared with 1–3 groups, each user belongs to
 * 1–4 groups. Chunk texts are short policy-like sentences drawn from the topic's words, so the full-text side
 * of hybrid search does real work too.
 */
export const RETRIEVAL_DIMS = 384
export const GROUP_COUNT = 20

const DOC_WEIGHT = 0.8
const NOISE_WEIGHT = 1.0

const WORDS =
  `absence access account accrual allowance annual appeal applicant approval archive asset audit badge
  benefit bonus booking breach budget calendar candidate card career carryover certificate claim client
  committee compensation complaint compliance conduct conference confidential conflict consent contract
  contractor credential customer damage data deadline delegate deletion dental departure deposit device
  disability disciplinary disclosure discount donation encryption enrolment entitlement equipment escalation
  estimate ethics evidence exception expense exposure facility feedback firewall flight freelance gift grant
  grievance guest harassment hardware headset health holiday hospitality hotel incident induction injury
  insurance interview inventory invoice keycard laptop leave licence locker mentoring mileage mobile monitor
  notice onboarding overtime parking passport password payroll penalty pension permit phishing pregnancy
  privacy probation procurement promotion purchase quarantine receipt record recruitment referral refund
  reimbursement relocation remote renewal retention retirement review reward risk salary sabbatical safety
  sanction schedule security severance shift sickness software sponsorship stipend subscription supplier
  surveillance taxi tender termination timesheet token training transfer travel tuition uniform vacation
  vaccination vendor visa visitor voucher warranty wellbeing whistleblower workload workstation`
    .split(/\s+/)
    .filter(Boolean)

const VERBS = [
  'approve',
  'submit',
  'record',
  'report',
  'review',
  'request',
  'renew',
  'return',
  'claim',
  'book',
]
const ROLES = [
  'your manager',
  'the budget holder',
  'People Operations',
  'Finance',
  'the IT service desk',
  'Legal',
]

export type CorpusDocument = { topic: number; groups: number[]; chunks: number }
export type BenchUser = { name: string; groups: number[]; readableDocuments: number; readableChunks: number }
export type BenchQuery = { topic: number; targetDocument: number; text: string; vector: Float32Array }

function normalise(v: Float32Array): Float32Array {
  let norm = 0
  for (let i = 0; i < v.length; i++) norm += (v[i] ?? 0) ** 2
  norm = Math.sqrt(norm) || 1
  for (let i = 0; i < v.length; i++) v[i] = (v[i] ?? 0) / norm
  return v
}

function randomUnit(rng: Random, dims: number): Float32Array {
  const v = new Float32Array(dims)
  for (let i = 0; i < dims; i++) v[i] = rng.gaussian()
  return normalise(v)
}

export class RetrievalCorpus {
  readonly documents: CorpusDocument[] = []
  readonly topicWords: string[][] = []
  readonly groupWeights: number[]
  private readonly centres: Float32Array[] = []
  private readonly docDirections: Float32Array[] = []
  private readonly rng: Random
  readonly chunkCount: number

  constructor(
    chunks: number,
    readonly seed: number,
    readonly topics = 50,
    readonly chunksPerDocument = 20,
    readonly dims = RETRIEVAL_DIMS,
  ) {
    this.rng = new Random(seed)
    this.groupWeights = Array.from({ length: GROUP_COUNT }, (_, g) => 1 / (g + 1) ** 0.7)
    for (let t = 0; t < topics; t++) {
      this.centres.push(randomUnit(this.rng, dims))
      this.topicWords.push(Array.from({ length: 12 }, () => this.rng.pick(WORDS)))
    }
    let remaining = chunks
    while (remaining > 0) {
      // 5–35 chunks per document (mean ≈ chunksPerDocument).
      const n = Math.min(remaining, this.rng.int(Math.max(1, chunksPerDocument - 15), chunksPerDocument + 15))
      const groupCount = 1 + this.rng.weighted([0.5, 0.35, 0.15])
      this.documents.push({
        topic: this.rng.int(0, topics - 1),
        groups: this.rng.distinctWeighted(this.groupWeights, groupCount),
        chunks: n,
      })
      this.docDirections.push(randomUnit(this.rng, dims))
      remaining -= n
    }
    this.chunkCount = chunks
  }

  /** Chunk vectors of one document, in ordinal order (deterministic given generation order). */
  chunkVectors(doc: number): Float32Array[] {
    const d = this.documents[doc]
    const direction = this.docDirections[doc]
    const centre = d ? this.centres[d.topic] : undefined
    if (!d || !direction || !centre) throw new Error(`no document ${doc}`)
    return Array.from({ length: d.chunks }, () => this.around(centre, direction))
  }

  chunkText(doc: number, ordinal: number): string {
    const words = this.topicWords[this.documents[doc]?.topic ?? 0] ?? WORDS
    const sentences = Array.from({ length: this.rng.int(3, 5) }, () => {
      const a = this.rng.pick(words)
      const b = this.rng.pick(words)
      return `${ordinal % 2 ? 'Please' : 'You must'} ${this.rng.pick(VERBS)} every ${a} ${b} through ${this.rng.pick(ROLES)} within ${this.rng.int(2, 30)} days, and keep the ${this.rng.pick(WORDS)} evidence.`
    })
    return sentences.join(' ')
  }

  headingOf(doc: number): string {
    const words = this.topicWords[this.documents[doc]?.topic ?? 0] ?? WORDS
    return `${words[0] ?? 'policy'} ${words[1] ?? 'rules'} policy ${doc}`
  }

  /** Users with 1–4 groups; `readable*` counts what their groups can see. */
  users(count: number): BenchUser[] {
    const rng = new Random(this.seed + 1)
    return Array.from({ length: count }, (_, i) => {
      const groups = rng.distinctWeighted(this.groupWeights, 1 + rng.weighted([0.35, 0.3, 0.2, 0.15]))
      return { name: `user-${i}`, groups, ...this.readable(groups) }
    })
  }

  readable(groups: number[]): { readableDocuments: number; readableChunks: number } {
    let readableDocuments = 0
    let readableChunks = 0
    for (const d of this.documents) {
      if (d.groups.some((g) => groups.includes(g))) {
        readableDocuments++
        readableChunks += d.chunks
      }
    }
    return { readableDocuments, readableChunks }
  }

  /** Queries aimed at random documents (of any access): 2–4 topic words plus a vector near that document. */
  queries(count: number): BenchQuery[] {
    const rng = new Random(this.seed + 2)
    return Array.from({ length: count }, () => {
      const targetDocument = rng.int(0, this.documents.length - 1)
      const doc = this.documents[targetDocument]
      const direction = this.docDirections[targetDocument]
      const centre = doc ? this.centres[doc.topic] : undefined
      if (!doc || !direction || !centre) throw new Error('no documents')
      const words = this.topicWords[doc.topic] ?? WORDS
      const text = Array.from({ length: rng.int(2, 4) }, () => rng.pick(words)).join(' ')
      return { topic: doc.topic, targetDocument, text, vector: this.around(centre, direction, rng) }
    })
  }

  private around(centre: Float32Array, direction: Float32Array, rng: Random = this.rng): Float32Array {
    const noise = randomUnit(rng, this.dims)
    const v = new Float32Array(this.dims)
    for (let i = 0; i < this.dims; i++)
      v[i] = (centre[i] ?? 0) + DOC_WEIGHT * (direction[i] ?? 0) + NOISE_WEIGHT * (noise[i] ?? 0)
    return normalise(v)
  }
}

/** The user whose readable share of documents is closest to `fraction`. */
export function userNearest(users: BenchUser[], documents: number, fraction: number): BenchUser {
  let best: BenchUser | undefined
  for (const u of users) {
    if (
      !best ||
      Math.abs(u.readableDocuments / documents - fraction) <
        Math.abs(best.readableDocuments / documents - fraction)
    )
      best = u
  }
  if (!best) throw new Error('no users')
  return best
}
