import { describe, expect, it } from 'vitest'
import { parseQuestions, resolveDocIds } from './questions'

const line = (value: unknown) => JSON.stringify(value)

describe('parseQuestions', () => {
  it('parses JSONL, skipping blank lines, with defaults', () => {
    const questions = parseQuestions(
      [
        line({
          id: 'q1',
          question: 'How much is parking?',
          answerable: true,
          doc_id: 'parking',
          evidence: ['5 EUR'],
        }),
        '',
        '   ',
        line({ id: 'q2', question: 'Is there a pet benefit?', answerable: false }),
        '',
      ].join('\n'),
    )
    expect(questions).toEqual([
      {
        id: 'q1',
        question: 'How much is parking?',
        answerable: true,
        doc_id: 'parking',
        evidence: ['5 EUR'],
        source: 'questions',
        line: 1,
      },
      {
        id: 'q2',
        question: 'Is there a pet benefit?',
        answerable: false,
        evidence: [],
        source: 'questions',
        line: 4,
      },
    ])
  })

  it('ignores unknown fields', () => {
    const [q] = parseQuestions(
      line({ id: 'q1', question: 'Q?', answerable: false, difficulty: 'hard', tags: [1] }),
    )
    expect(q).toEqual({
      id: 'q1',
      question: 'Q?',
      answerable: false,
      evidence: [],
      source: 'questions',
      line: 1,
    })
  })

  it('accepts Windows line endings', () => {
    expect(parseQuestions(`${line({ id: 'a', question: 'Q?', answerable: true })}\r\n`)).toHaveLength(1)
  })

  it('reports invalid JSON with its line number (blank lines counted)', () => {
    const text = [line({ id: 'q1', question: 'Q?', answerable: true }), '', '{"id": "q3", "question": '].join(
      '\n',
    )
    expect(() => parseQuestions(text)).toThrow(/^questions line 3: invalid JSON/)
  })

  it('reports a line that breaks the schema with its line number and the field', () => {
    const text = [
      line({ id: 'q1', question: 'Q?', answerable: true }),
      line({ id: 'q2', question: 'Q?' }),
    ].join('\n')
    expect(() => parseQuestions(text)).toThrow(/^questions line 2: answerable /)
    expect(() => parseQuestions(line({ id: '', question: 'Q?', answerable: true }))).toThrow(
      /^questions line 1: id /,
    )
  })

  it('rejects a file without questions', () => {
    expect(() => parseQuestions('\n\n')).toThrow(/no questions/)
  })
})

describe('reference answers and doc ids', () => {
  it('accepts "answer": null as no reference answer', () => {
    const [q] = parseQuestions(line({ id: 'q1', question: 'Q?', answerable: true, answer: null }))
    expect(q).not.toHaveProperty('answer')
  })

  it('names the file and line of a malformed question', () => {
    expect(() => parseQuestions(line({ id: 'q1', answerable: true }), 'dev.jsonl')).toThrow(
      /^dev\.jsonl line 1: question/,
    )
  })

  const documents = [
    { slug: 'acbj-com', fileName: 'acbj.com' },
    { slug: 'refund-policy', fileName: 'refund-policy.md' },
  ]
  const ask = (doc_id: string) => parseQuestions(line({ id: 'q', question: 'Q?', answerable: true, doc_id }))

  it('resolves a doc_id given as the slug, the file name or the file name without extension', () => {
    for (const id of ['acbj-com', 'acbj.com', 'refund-policy', 'refund-policy.md'])
      expect(resolveDocIds(ask(id), documents)[0]?.doc_id).toBe(
        id.startsWith('acbj') ? 'acbj-com' : 'refund-policy',
      )
  })

  it('rejects a doc_id that names no document, with its line', () => {
    expect(() => resolveDocIds(ask('nowhere'), documents)).toThrow(
      /questions line 1: doc_id "nowhere" names no document/,
    )
  })
})
