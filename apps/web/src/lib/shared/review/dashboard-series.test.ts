import type { DashboardBucket } from '@policydesk/db'
import { describe, expect, it } from 'vitest'
import {
  fillDays,
  parseDashboardRange,
  rangeBounds,
  ratio,
  withRates,
} from '@/lib/shared/review/dashboard-series'

const bucket = (over: Partial<DashboardBucket>): DashboardBucket => ({
  questions: 0,
  answered: 0,
  abstained: 0,
  up: 0,
  down: 0,
  validationFailed: 0,
  curated: 0,
  ttftP50: null,
  ttftP95: null,
  totalP50: null,
  totalP95: null,
  tokensIn: 0,
  tokensOut: 0,
  costUsd: 0,
  ...over,
})

describe('dashboard series', () => {
  it('covers whole UTC days, today included', () => {
    const { from, to } = rangeBounds('7d', new Date('2026-11-26T15:30:00Z'))
    expect(from.toISOString()).toBe('2026-11-20T00:00:00.000Z')
    expect(to.toISOString()).toBe('2026-11-27T00:00:00.000Z')
    expect(parseDashboardRange('90d')).toBe('90d')
    expect(parseDashboardRange('1y')).toBe('30d')
    expect(parseDashboardRange('toString')).toBe('30d')
  })

  it('fills missing days with zeros and null rates', () => {
    const { from, to } = rangeBounds('7d', new Date('2026-11-26T15:30:00Z'))
    const days = fillDays(
      [{ day: '2026-11-25', ...bucket({ questions: 4, answered: 3, abstained: 1 }) }],
      from,
      to,
    )
    expect(days).toHaveLength(7)
    expect(days[0]).toMatchObject({ day: '2026-11-20', questions: 0, answerRate: null })
    expect(days[5]).toMatchObject({ day: '2026-11-25', answerRate: 0.75, abstentionRate: 0.25 })
  })

  it('computes rates: thumbs share of rated, validation failures among generated answers', () => {
    const rates = withRates(
      bucket({
        questions: 10,
        answered: 8,
        abstained: 2,
        curated: 2,
        up: 3,
        down: 1,
        validationFailed: 3,
        tokensIn: 5,
        tokensOut: 7,
      }),
    )
    expect(rates.upShare).toBe(0.75)
    expect(rates.validationFailureRate).toBe(0.5)
    expect(rates.tokens).toBe(12)
    expect(ratio(1, 0)).toBeNull()
  })
})
