import type { DocumentTextPassage } from '@policydesk/db'
import { describe, expect, it } from 'vitest'
import { readingSections } from '@/lib/shared/documents/reading-sections'

/** Passages cut out of one extracted text, as the chunker stores them. */
const TEXT =
  'Leave policy\n\nEmployees get 25 days. Unused days carry over. Carry-over ends in March.\n\nSick leave needs a note.'
function passage(
  id: string,
  ordinal: number,
  from: string,
  to: string,
  headingPath: string[],
): DocumentTextPassage {
  const charStart = TEXT.indexOf(from)
  const charEnd = TEXT.indexOf(to) + to.length
  return {
    id,
    ordinal,
    headingPath,
    text: TEXT.slice(charStart, charEnd),
    charStart,
    charEnd,
    pageStart: null,
    pageEnd: null,
  }
}
const passages = [
  passage('a', 0, 'Employees', 'carry over.', ['Leave']),
  // Overlaps the first passage by one sentence.
  passage('b', 1, 'Unused', 'March.', ['Leave']),
  passage('c', 2, 'Sick', 'note.', ['Leave', 'Sick leave']),
]

describe('readingSections', () => {
  it('shows every character once, in order, with headings where the path changes', () => {
    const sections = readingSections(passages, null)
    expect(sections.map((s) => s.text)).toEqual([
      'Employees get 25 days. Unused days carry over.',
      'Carry-over ends in March.',
      'Sick leave needs a note.',
    ])
    expect(sections.map((s) => s.headings)).toEqual([
      [{ level: 1, text: 'Leave' }],
      [],
      [{ level: 2, text: 'Sick leave' }],
    ])
  })

  it('keeps the cited passage whole, so its quote (in the overlap) is highlighted where it is cited', () => {
    const sections = readingSections(passages, 'b')
    expect(sections.map((s) => [s.passageId, s.text])).toEqual([
      ['a', 'Employees get 25 days.'],
      ['b', 'Unused days carry over. Carry-over ends in March.'],
      ['c', 'Sick leave needs a note.'],
    ])
  })

  it('drops a passage that adds nothing, unless it is the cited one', () => {
    const inner = passage('d', 1, 'Unused', 'carry over.', ['Leave'])
    const list = [passages[0] as DocumentTextPassage, inner]
    expect(readingSections(list, null).map((s) => s.passageId)).toEqual(['a'])
    expect(readingSections(list, 'd').map((s) => [s.passageId, s.text])).toEqual([
      ['a', 'Employees get 25 days.'],
      ['d', 'Unused days carry over.'],
    ])
  })
})
