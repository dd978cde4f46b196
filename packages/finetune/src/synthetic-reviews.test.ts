import { ABSTENTION, type AnswerResult } from '@policydesk/inference'
import { describe, expect, it } from 'vitest'
import { type SyntheticQuestion, syntheticVerdict } from './synthetic-reviews'

const EVIDENCE = 'Parking in the company garage costs 5 EUR a day.'
const question: SyntheticQuestion = {
  id: 'q1',
  question: 'How much is parking?',
  answerable: true,
  evidence: [EVIDENCE],
  answer: 'It costs 5 EUR a day.',
}
const passage = (id: string, text: string) => ({
  chunkId: id,
  documentId: `doc-${id}`,
  versionId: `v-${id}`,
  title: `Title ${id}`,
  text,
  page: null,
})
const right = passage('right', `Garage. ${EVIDENCE} Book before 10:00.`)
const wrong = passage('wrong', 'Bicycles are stored in the basement.')

function result(abstained: boolean, cited: { text: string; id: string }[]): AnswerResult {
  return {
    abstained,
    text: abstained ? ABSTENTION : 'Something [1].',
    citations: cited.map((c, i) => ({
      n: i + 1,
      chunkId: c.id,
      documentId: 'd',
      documentSlug: 's',
      versionId: 'v',
      title: 't',
      quote: '',
      page: null,
      headingPath: [],
      passage: c.text,
    })),
  } as unknown as AnswerResult
}

describe('syntheticVerdict', () => {
  it('approves an answer whose cited passage covers the evidence', () => {
    expect(
      syntheticVerdict(question, result(false, [{ id: 'right', text: right.text }]), [right, wrong]),
    ).toEqual({
      verdict: 'approved',
      labels: [],
      correctedAnswer: null,
      correctedCitations: null,
    })
  })

  it('corrects a wrong source or a missed answer to the reference citing the covering passage', () => {
    const wrongSource = syntheticVerdict(question, result(false, [{ id: 'wrong', text: wrong.text }]), [
      wrong,
      right,
    ])
    expect(wrongSource).toMatchObject({
      verdict: 'corrected',
      labels: ['wrong-source'],
      correctedAnswer: 'It costs 5 EUR a day [1].',
      correctedCitations: [{ n: 1, chunkId: 'right', documentId: 'doc-right', quote: EVIDENCE }],
    })
    expect(syntheticVerdict(question, result(true, []), [wrong, right])).toMatchObject({
      verdict: 'corrected',
      labels: ['missed-answer'],
    })
  })

  it('rejects when nothing retrieved covers the evidence', () => {
    expect(syntheticVerdict(question, result(true, []), [wrong])).toMatchObject({
      verdict: 'rejected',
      labels: ['retrieval-miss'],
    })
    expect(
      syntheticVerdict(question, result(false, [{ id: 'wrong', text: wrong.text }]), [wrong]),
    ).toMatchObject({
      verdict: 'rejected',
      labels: ['retrieval-miss', 'wrong-source'],
    })
  })

  it('approves abstaining on unanswerable questions and rejects answering them', () => {
    const unanswerable = { ...question, answerable: false, evidence: [] }
    expect(syntheticVerdict(unanswerable, result(true, []), [right])).toMatchObject({
      verdict: 'approved',
      labels: ['correct-abstention'],
    })
    expect(
      syntheticVerdict(unanswerable, result(false, [{ id: 'right', text: right.text }]), [right]),
    ).toMatchObject({
      verdict: 'rejected',
      labels: ['should-abstain'],
    })
  })
})
