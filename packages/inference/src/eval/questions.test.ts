import { describe, expect, it } from 'vitest'
import { parseQuestions } from './questions'

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
      },
      { id: 'q2', question: 'Is there a pet benefit?', answerable: false, evidence: [] },
    ])
  })

  it('ignores unknown fields', () => {
    const [q] = parseQuestions(
      line({ id: 'q1', question: 'Q?', answerable: false, difficulty: 'hard', tags: [1] }),
    )
    expect(q).toEqual({ id: 'q1', question: 'Q?', answerable: false, evidence: [] })
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
