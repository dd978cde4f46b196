import { describe, expect, it } from 'vitest'
import { encodeLogCursor } from '@/lib/shared/review/cursor'
import {
  activeFilterCount,
  logQueryString,
  parseLogQuery,
  searchParamsToRecord,
} from '@/lib/shared/review/filters'

const GROUP = '0b7e7f0e-2a52-4a8e-9a57-4d0f6f5b2c11'

describe('parseLogQuery', () => {
  it('maps the form fields to database filters; "to" covers the whole UTC day', () => {
    const parsed = parseLogQuery(
      new URLSearchParams({
        from: '2026-11-01',
        to: '2026-11-02',
        feedback: 'down',
        abstained: 'no',
        validation: 'failed',
        lowScore: '1',
        group: GROUP,
        model: 'extractive-v1',
        review: 'unreviewed',
        q: ' parental leave ',
      }),
      0.02,
    )
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.filters).toEqual({
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-11-03T00:00:00Z'),
      feedback: 'down',
      abstained: false,
      validationFailed: true,
      topScoreBelow: 0.02,
      groupId: GROUP,
      documentId: undefined,
      model: 'extractive-v1',
      review: 'unreviewed',
      search: 'parental leave',
    })
  })

  it('treats empty form fields as absent (a submitted form sends every field)', () => {
    const parsed = parseLogQuery({ from: '', feedback: '', q: '', doc: '' }, 0.02)
    expect(parsed.ok && parsed.filters).toEqual(
      expect.objectContaining({
        from: undefined,
        feedback: undefined,
        search: undefined,
        documentId: undefined,
      }),
    )
    expect(parsed.ok && activeFilterCount(parsed.query)).toBe(0)
  })

  it('rejects bad values with the field name, never the value', () => {
    const parsed = parseLogQuery({ feedback: 'sideways', group: 'not-a-uuid' }, 0.02)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.error).toContain('feedback')
    expect(parsed.error).toContain('group')
    expect(parsed.error).not.toContain('sideways')
  })

  it('rejects dates that are not calendar days (they used to reach SQL as Invalid Date: a 500)', () => {
    for (const from of ['2026-13-01', '2026-02-30', '2026-00-10', '20261-01-01', '2026-1-1']) {
      const parsed = parseLogQuery({ from }, 0.02)
      expect(parsed, from).toEqual({ ok: false, error: 'from: must be a date (YYYY-MM-DD)' })
    }
    expect(parseLogQuery({ to: '2026-04-31' }, 0.02).ok).toBe(false)
    expect(parseLogQuery({ from: '2028-02-29' }, 0.02).ok).toBe(true)
  })

  it('rejects cursors that are not page tokens, whatever they decode to', () => {
    for (const cursor of [
      '%%%',
      '....',
      'x'.repeat(201),
      Buffer.from('2026-11-26|nope').toString('base64url'),
    ]) {
      expect(parseLogQuery({ cursor }, 0.02).ok, cursor).toBe(false)
    }
  })

  it('rejects an inverted date range and a forged cursor', () => {
    expect(parseLogQuery({ from: '2026-11-05', to: '2026-11-01' }, 0.02).ok).toBe(false)
    expect(parseLogQuery({ cursor: 'bm90IGEgY3Vyc29y' }, 0.02).ok).toBe(false)
  })

  it('decodes a page token', () => {
    const cursor = { createdAt: '2026-11-26T10:00:00.123456Z', id: GROUP }
    const parsed = parseLogQuery({ cursor: encodeLogCursor(cursor), dir: 'older' }, 0.02)
    expect(parsed.ok && parsed.cursor).toEqual(cursor)
  })
})

describe('logQueryString', () => {
  it('keeps set filters only, then paging', () => {
    expect(logQueryString({ feedback: 'down', q: '', model: undefined }, { dir: 'older' })).toBe(
      '?feedback=down&dir=older',
    )
    expect(logQueryString({})).toBe('')
  })

  it('takes the first of repeated keys', () => {
    expect(searchParamsToRecord({ q: ['a', 'b'], feedback: 'up' })).toEqual({ q: 'a', feedback: 'up' })
  })
})
