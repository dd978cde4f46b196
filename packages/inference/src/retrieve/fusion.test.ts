import { describe, expect, it } from 'vitest'
import { RRF_K, reciprocalRankFusion } from './fusion'

const item = (id: string, vectorRank: number | null, textRank: number | null) => ({
  id,
  vectorRank,
  textRank,
})
const order = (items: { id: string }[]) => items.map((i) => i.id)

describe('reciprocalRankFusion', () => {
  it('scores sum(weight / (k + rank)) over the sides that found the item', () => {
    const fused = reciprocalRankFusion([item('a', 1, 3), item('b', 2, null), item('c', null, 1)])
    const [both, vectorOnly, textOnly] = ['a', 'b', 'c'].map((id) => fused.find((f) => f.id === id))
    expect(both?.fusedScore).toBeCloseTo(1 / (RRF_K + 1) + 1 / (RRF_K + 3), 12)
    expect(vectorOnly?.fusedScore).toBeCloseTo(1 / (RRF_K + 2), 12)
    expect(textOnly?.fusedScore).toBeCloseTo(1 / (RRF_K + 1), 12)
  })

  it('ranks agreement between the two sides above a single first place', () => {
    const fused = reciprocalRankFusion([item('solo', 1, null), item('agreed', 4, 5), item('text', null, 2)])
    expect(order(fused)).toEqual(['agreed', 'solo', 'text'])
  })

  it('weights decide which side counts more', () => {
    const items = [item('vec', 1, null), item('txt', null, 1)]
    expect(order(reciprocalRankFusion(items, { vector: 2, text: 1 }))).toEqual(['vec', 'txt'])
    expect(order(reciprocalRankFusion(items, { vector: 1, text: 2 }))).toEqual(['txt', 'vec'])
    // A zero weight removes a side: only the text ranks order the result.
    const textOnly = reciprocalRankFusion(
      [item('a', 1, 3), item('b', 2, 1), item('c', 3, 2), item('d', 4, null)],
      { vector: 0, text: 1 },
    )
    expect(order(textOnly)).toEqual(['b', 'c', 'a', 'd'])
    expect(textOnly.at(-1)?.fusedScore).toBe(0)
  })

  it('a smaller k sharpens the lead of the top ranks', () => {
    const items = [item('top-text', null, 1), item('mid-both', 8, 8)]
    expect(order(reciprocalRankFusion(items, { vector: 1, text: 1 }, 60))).toEqual(['mid-both', 'top-text'])
    expect(order(reciprocalRankFusion(items, { vector: 1, text: 1 }, 1))).toEqual(['top-text', 'mid-both'])
  })

  it('breaks ties by id, whatever the input order', () => {
    const tied = [item('c', 2, null), item('a', null, 2), item('b', 2, null)]
    expect(order(reciprocalRankFusion(tied))).toEqual(['a', 'b', 'c'])
    expect(order(reciprocalRankFusion([...tied].reverse()))).toEqual(['a', 'b', 'c'])
  })

  it('keeps the items’ other fields and does not mutate the input', () => {
    const input = [{ ...item('x', 1, 1), text: 'passage' }]
    const [fused] = reciprocalRankFusion(input)
    expect(fused).toMatchObject({ id: 'x', text: 'passage' })
    expect(input[0]).not.toHaveProperty('fusedScore')
    expect(reciprocalRankFusion([])).toEqual([])
  })
})
