import { describe, expect, it } from 'vitest'
import { plainSentence, segmentAnswer, unverifiedSentences } from './answer-segments'

describe('segmentAnswer', () => {
  it('splits sentences and keeps a citation written after the full stop with its sentence', () => {
    const [line] = segmentAnswer('Refunds go to the original card. [1] Credits are preferred. [1][2]')
    expect(line?.sentences.map((s) => s.plain)).toEqual([
      'Refunds go to the original card.',
      'Credits are preferred.',
    ])
    expect(line?.sentences[1]?.pieces.filter((p) => p.type === 'citation')).toEqual([
      expect.objectContaining({ n: 1 }),
      expect.objectContaining({ n: 2 }),
    ])
  })

  it('expands "[1, 3]" into two markers and keeps list bullets apart', () => {
    const lines = segmentAnswer('- First point [1, 3]\n- Second point [2]')
    expect(lines.map((l) => l.bullet)).toEqual(['-', '-'])
    expect(lines[0]?.sentences[0]?.pieces).toEqual([
      { key: 'l0s0p0', type: 'text', text: 'First point ' },
      { key: 'l0s0p1', type: 'citation', n: 1 },
      { key: 'l0s0p2', type: 'citation', n: 3 },
    ])
  })

  it('matches the validator’s stripped sentence text', () => {
    expect(plainSentence('Claims are paid monthly [2] .')).toBe('Claims are paid monthly.')
    const flagged = unverifiedSentences([
      { text: 'Claims are paid monthly.', claim: true, supported: false },
      { text: 'Hello.', claim: false, supported: false },
      { text: 'Supported one.', claim: true, supported: true },
    ])
    expect([...flagged]).toEqual(['Claims are paid monthly.'])
  })
})
