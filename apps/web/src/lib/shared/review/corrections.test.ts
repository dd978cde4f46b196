import { describe, expect, it } from 'vitest'
import { bestQuote, buildCorrectedCitations, type CitationPick } from '@/lib/shared/review/corrections'
import { markerProblem, markersIn } from '@/lib/shared/review/markers'

const pick = (n: number, passage: string): CitationPick => ({
  n,
  chunkId: `c${n}`,
  documentId: `d${n}`,
  versionId: `v${n}`,
  title: `Doc ${n}`,
  passage,
  page: n === 2 ? 4 : null,
})

describe('markers', () => {
  it('reads [1], [2, 3] and [1][4] forms', () => {
    expect(markersIn('A [1]. B [2, 3]. C [1][4].')).toEqual([1, 2, 3, 4])
  })

  it('names unknown and uncited sources', () => {
    expect(markerProblem('Text [1] and [3].', 2)).toMatch(/\[3\].*not a selected source/)
    expect(markerProblem('Text [1].', 2)).toMatch(/\[2\] is never cited/)
    expect(markerProblem('Text [1] [2].', 2)).toBeNull()
    expect(markerProblem('No sources.', 0)).toBeNull()
  })
})

describe('buildCorrectedCitations', () => {
  const passages = [
    pick(1, 'Laptops are replaced every four years. Monitors are replaced every six years.'),
    pick(2, 'Request a replacement in the IT portal. Broken devices are swapped within two days.'),
  ]

  it('builds numbered citations whose quote is the best-matching passage sentence', () => {
    const built = buildCorrectedCitations(
      'You get a new laptop every four years [1]. Request it in the IT portal [2].',
      passages,
    )
    expect(built.ok).toBe(true)
    if (!built.ok) return
    expect(built.citations).toEqual([
      expect.objectContaining({ n: 1, chunkId: 'c1', quote: 'Laptops are replaced every four years.' }),
      expect.objectContaining({
        n: 2,
        chunkId: 'c2',
        page: 4,
        quote: 'Request a replacement in the IT portal.',
      }),
    ])
  })

  it('refuses markers and picks that do not line up', () => {
    expect(buildCorrectedCitations('Every four years [1].', passages)).toMatchObject({ ok: false })
    expect(buildCorrectedCitations('Every four years [3].', passages.slice(0, 1))).toMatchObject({
      ok: false,
    })
    expect(buildCorrectedCitations('X [1] [3].', [pick(1, 'a'), pick(3, 'b')])).toMatchObject({ ok: false })
  })

  it('quotes the first sentence when nothing overlaps', () => {
    expect(bestQuote('First one. Second one.', ['zzz'])).toBe('First one.')
  })
})
