import type { schema } from '@policydesk/db'
import { buildAnswerPrompt, type Candidate, PROMPT_VERSION } from '@policydesk/inference'
import { describe, expect, it } from 'vitest'
import { seededRandom } from './random'
import { reconstructExample, renumberCitations } from './reconstruct'
import type { ChunkRow, ReviewedTrace } from './types'

const chunk = (n: number, documentId = `doc-${n}`): ChunkRow => ({
  chunkId: `chunk-${n}`,
  documentId,
  documentSlug: `slug-${n}`,
  versionId: `version-${n}`,
  title: `Stored title ${n}`,
  headingPath: [`Title ${n}`, `Section ${n}`],
  text: `Passage ${n} says rule number ${n} applies.`,
  pageStart: n === 2 ? 4 : null,
  pageEnd: null,
  tokenCount: 10,
  charStart: 0,
  documentDeleted: false,
  effectiveDate: null,
})

const traceCandidate = (c: ChunkRow, rank: number, used: boolean, cited = false): schema.TraceCandidate => ({
  chunkId: c.chunkId,
  documentId: c.documentId,
  versionId: c.versionId,
  title: `Seen title ${rank}`,
  vectorScore: 0.5,
  vectorRank: rank,
  textScore: 0.1,
  textRank: rank,
  fusedScore: 1 / rank,
  rank,
  used,
  cited,
})

const chunks = [chunk(1), chunk(2), chunk(3), chunk(4)]
const byId = new Map(chunks.map((c) => [c.chunkId, c]))
const citation = (n: number, c: ChunkRow): schema.TraceCitation => ({
  n,
  documentId: c.documentId,
  title: 'x',
  versionId: c.versionId,
  chunkId: c.chunkId,
  quote: '',
  page: null,
})

const [c1, c2, c3, c4] = chunks as [ChunkRow, ChunkRow, ChunkRow, ChunkRow]
const base: ReviewedTrace = {
  reviewId: 'review-1',
  traceId: 'trace-1',
  verdict: 'approved',
  question: 'and for contractors?',
  rewrittenQuery: 'Does rule 2 apply to contractors?',
  answer: 'Rule 2 applies [2].',
  abstained: false,
  promptVersion: PROMPT_VERSION,
  // Context order = candidate order of the used ones: c2 (rank 1), c1 (rank 3); c3 was retrieved only.
  candidates: [traceCandidate(c2, 1, true, true), traceCandidate(c3, 2, false), traceCandidate(c1, 3, true)],
  citations: [citation(1, c2)],
  correctedAnswer: null,
  correctedCitations: null,
  labels: [],
  reviewedAt: new Date(0),
  earlierTurnVersionIds: [],
}
// The answer cites [1] = c2; make the fixture consistent.
base.answer = 'Rule 2 applies [1].'

describe('reconstructExample', () => {
  it('rebuilds exactly the prompt buildAnswerPrompt made at inference time', () => {
    const result = reconstructExample(base, byId)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const asSeen = (c: ChunkRow, title: string, n: number) => ({
      n,
      candidate: { ...c, title, rank: n } as unknown as Candidate,
    })
    const expected = buildAnswerPrompt(base.rewrittenQuery, [
      asSeen(c2, 'Seen title 1', 1),
      asSeen(c1, 'Seen title 3', 2),
    ])
    expect(result.example.messages).toEqual([
      { role: 'system', content: expected.system },
      { role: 'user', content: 'Does rule 2 apply to contractors?' },
      { role: 'assistant', content: 'Rule 2 applies [1].' },
    ])
    expect(expected.system).toContain('page 4')
    expect(result.sources.map((s) => s.chunkId)).toEqual(['chunk-2', 'chunk-1'])
  })

  it('uses the corrected answer and points its citations at the right (possibly added) passages', () => {
    const corrected: ReviewedTrace = {
      ...base,
      verdict: 'corrected',
      correctedAnswer: 'Rule 3 applies [1], unlike rule 1 [2].',
      correctedCitations: [citation(1, c3), citation(2, c1)],
    }
    const result = reconstructExample(corrected, byId)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    // c3 was never in the context: appended as source 3; c1 is source 2.
    expect(result.augmented).toBe(true)
    expect(result.sources.map((s) => s.chunkId)).toEqual(['chunk-2', 'chunk-1', 'chunk-3'])
    expect(result.example.messages[2]?.content).toBe('Rule 3 applies [3], unlike rule 1 [2].')
    expect(result.example.messages[0]?.content).toContain('<source n="3" title="x › Section 3">')
  })

  it('mixes distractors in deterministically and renumbers the citations with their passages', () => {
    const run = () =>
      reconstructExample(base, byId, { distractors: [c4, chunk(5)], random: seededRandom('s') })
    const result = run()
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(run()).toEqual(result)
    expect(result.sources).toHaveLength(4)
    const position = result.sources.findIndex((s) => s.chunkId === 'chunk-2') + 1
    expect(result.example.messages[2]?.content).toBe(`Rule 2 applies [${position}].`)
    const system = result.example.messages[0]?.content ?? ''
    expect(system).toContain(
      `<source n="${position}" title="Seen title 1 › Section 2 (page 4)">\nPassage 2 says`,
    )
  })

  it('drops purged passages, retired prompt versions, deleted documents and inconsistent traces', () => {
    const without = new Map(byId)
    without.delete('chunk-1')
    expect(reconstructExample(base, without)).toMatchObject({ ok: false, reason: 'purged' })
    expect(reconstructExample({ ...base, promptVersion: 'answer-v0' }, byId)).toMatchObject({
      ok: false,
      reason: 'prompt-version',
    })
    const deleted = new Map(byId).set('chunk-2', { ...c2, documentDeleted: true })
    expect(reconstructExample(base, deleted)).toMatchObject({ ok: false, reason: 'document-deleted' })
    expect(reconstructExample({ ...base, citations: [citation(1, c1)] }, byId)).toMatchObject({
      ok: false,
      reason: 'inconsistent-trace',
    })
    expect(reconstructExample({ ...base, verdict: 'corrected', correctedAnswer: ' ' }, byId)).toMatchObject({
      ok: false,
      reason: 'empty-answer',
    })
  })
})

describe('renumberCitations', () => {
  it('maps single and grouped markers and leaves unknown numbers', () => {
    const map = new Map([
      [1, 3],
      [2, 1],
    ])
    expect(renumberCitations('A [1]. B [1, 2]. C [2][1]. D [7].', map)).toBe(
      'A [3]. B [1, 3]. C [1][3]. D [7].',
    )
  })
})
