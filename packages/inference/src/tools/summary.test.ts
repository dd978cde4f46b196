import { describe, expect, it } from 'vitest'
import { summarizeToolCall } from './summary'

describe('summarizeToolCall', () => {
  it('one line per tool, without arguments or passage text', () => {
    expect(
      summarizeToolCall({
        id: 'a',
        name: 'search_policies',
        arguments: { query: 'parking' },
        status: 'ok',
        result: {
          passages: [{ n: 3, title: 'Parking', heading: '', text: 'Secret-ish text of the passage' }],
        },
        ms: 4,
      }),
    ).toEqual({ name: 'search_policies', status: 'ok', summary: 'Searched “parking”: 1 passage (Parking)' })
    expect(
      summarizeToolCall({
        id: 'b',
        name: 'get_my_profile',
        arguments: {},
        status: 'ok',
        result: { hasProfile: true, attributes: { country: 'PT', startDate: '2026-01-12' } },
        ms: 0,
      }).summary,
    ).toBe('Read your profile (country, startDate)')
    expect(
      summarizeToolCall({
        id: 'c',
        name: 'calculate_dates',
        arguments: {},
        status: 'ok',
        result: {
          operation: 'add',
          summary: '30 days after 2026-01-12 is 2026-02-11 (Wednesday)',
          result: {},
        },
        ms: 0,
      }).summary,
    ).toBe('Calculated: 30 days after 2026-01-12 is 2026-02-11 (Wednesday)')
    expect(
      summarizeToolCall({
        id: 'd',
        name: 'create_handoff',
        arguments: { note: 'n' },
        status: 'needs_confirmation',
        ms: 0,
      }),
    ).toEqual({
      name: 'create_handoff',
      status: 'needs_confirmation',
      summary: 'Proposed asking a person; nothing is sent until you confirm',
    })
  })

  it('errors and rejections say why, clipped', () => {
    const long = 'x'.repeat(500)
    const failed = summarizeToolCall({
      id: 'e',
      name: 'nope',
      arguments: '{',
      status: 'error',
      error: long,
      ms: 0,
    })
    expect(failed.summary.startsWith('Failed: xxx')).toBe(true)
    expect(failed.summary.length).toBe(200)
    expect(
      summarizeToolCall({ id: 'f', name: 'x', arguments: {}, status: 'rejected', error: 'at most 6', ms: 0 })
        .summary,
    ).toBe('Not run: at most 6')
  })
})
