import { describe, expect, it } from 'vitest'
import {
  addToDate,
  DateInputError,
  differenceBetween,
  noticeDeadline,
  parseIsoDate,
  proRataLeave,
  weekdayOf,
} from './calculate-dates'

describe('parseIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 })
    for (const bad of [
      '2026-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '2026-4-1',
      '01/04/2026',
      '2026-04-01T00:00:00Z',
      '',
      '1800-01-01',
    ])
      expect(() => parseIsoDate(bad), bad).toThrow(DateInputError)
  })

  it('names the problem', () => {
    expect(() => parseIsoDate('2026-02-30', 'startDate')).toThrow(
      'startDate does not exist: "2026-02-30" (that month has 28 days)',
    )
    expect(() => parseIsoDate('tomorrow')).toThrow('date must be an ISO date (YYYY-MM-DD), got "tomorrow"')
  })
})

describe('addToDate', () => {
  it('adds and subtracts days and weeks across months, years and leap days', () => {
    expect(addToDate('2026-01-12', 30, 'days')).toBe('2026-02-11')
    expect(addToDate('2026-12-25', 10, 'days')).toBe('2027-01-04')
    expect(addToDate('2028-02-28', 1, 'days')).toBe('2028-02-29')
    expect(addToDate('2026-03-01', -1, 'days')).toBe('2026-02-28')
    expect(addToDate('2026-01-01', 2, 'weeks')).toBe('2026-01-15')
    expect(addToDate('2026-01-01', -1, 'weeks')).toBe('2025-12-25')
  })

  it('is not shifted by daylight saving (day numbers, not local time)', () => {
    expect(addToDate('2026-03-28', 2, 'days')).toBe('2026-03-30')
    expect(addToDate('2026-10-24', 2, 'days')).toBe('2026-10-26')
  })

  it('clamps months and years to the end of the month', () => {
    expect(addToDate('2026-01-31', 1, 'months')).toBe('2026-02-28')
    expect(addToDate('2028-01-31', 1, 'months')).toBe('2028-02-29')
    expect(addToDate('2026-03-31', -1, 'months')).toBe('2026-02-28')
    expect(addToDate('2026-05-31', 1, 'months')).toBe('2026-06-30')
    expect(addToDate('2026-11-15', 3, 'months')).toBe('2027-02-15')
    expect(addToDate('2026-01-15', -13, 'months')).toBe('2024-12-15')
    expect(addToDate('2028-02-29', 1, 'years')).toBe('2029-02-28')
    expect(addToDate('2028-02-29', 4, 'years')).toBe('2032-02-29')
  })

  it('counts business days Monday to Friday', () => {
    // 2026-12-04 is a Friday.
    expect(weekdayOf('2026-12-04')).toBe('Friday')
    expect(addToDate('2026-12-04', 1, 'business_days')).toBe('2026-12-07')
    expect(addToDate('2026-12-04', 5, 'business_days')).toBe('2026-12-11')
    expect(addToDate('2026-12-07', -1, 'business_days')).toBe('2026-12-04')
    // From a Saturday: +1 is Monday, −1 is Friday.
    expect(addToDate('2026-12-05', 1, 'business_days')).toBe('2026-12-07')
    expect(addToDate('2026-12-05', -1, 'business_days')).toBe('2026-12-04')
    expect(addToDate('2026-12-05', 0, 'business_days')).toBe('2026-12-05')
    expect(addToDate('2026-12-01', 20, 'business_days')).toBe('2026-12-29')
  })

  it('rejects fractional or huge amounts and results outside the supported years', () => {
    expect(() => addToDate('2026-01-01', 1.5, 'days')).toThrow('amount must be a whole number, got 1.5')
    expect(() => addToDate('2026-01-01', 1e9, 'days')).toThrow('amount is out of range')
    expect(() => addToDate('2200-12-01', 1, 'months')).toThrow('outside the years 1900–2200')
  })
})

describe('differenceBetween', () => {
  it('gives days, weeks, months and business days', () => {
    expect(differenceBetween('2026-01-12', '2026-02-11')).toEqual({
      days: 30,
      weeks: { weeks: 4, days: 2 },
      months: { months: 0, days: 30 },
      businessDays: 22,
    })
    expect(differenceBetween('2026-01-15', '2026-04-20').months).toEqual({ months: 3, days: 5 })
    expect(differenceBetween('2026-01-01', '2026-01-01')).toEqual({
      days: 0,
      weeks: { weeks: 0, days: 0 },
      months: { months: 0, days: 0 },
      businessDays: 0,
    })
  })

  it('agrees with month clamping (Jan 31 → Feb 28 is one month)', () => {
    expect(differenceBetween('2026-01-31', '2026-02-28').months).toEqual({ months: 1, days: 0 })
    expect(differenceBetween('2026-01-31', '2026-02-27').months).toEqual({ months: 0, days: 27 })
    expect(differenceBetween('2026-01-31', '2026-03-31').months).toEqual({ months: 2, days: 0 })
  })

  it('is negative when the second date is earlier', () => {
    expect(differenceBetween('2026-02-11', '2026-01-12')).toEqual({
      days: -30,
      weeks: { weeks: -4, days: -2 },
      months: { months: 0, days: -30 },
      businessDays: -22,
    })
  })

  it('counts business days after the start up to and including the end', () => {
    // Friday → next Friday: Mon..Fri = 5.
    expect(differenceBetween('2026-12-04', '2026-12-11').businessDays).toBe(5)
    // Friday → Sunday: none.
    expect(differenceBetween('2026-12-04', '2026-12-06').businessDays).toBe(0)
    expect(differenceBetween('2026-01-01', '2027-01-01').businessDays).toBe(261)
  })
})

describe('proRataLeave', () => {
  it('by months: the start month counts when starting on or before the 15th', () => {
    const april = proRataLeave({ startDate: '2026-04-01', annualEntitlement: 25 })
    expect(april).toMatchObject({ counted: 9, outOf: 12, fraction: 0.75, exact: 18.75, result: 19 })
    expect(april.rounding).toBe('nearest_half')
    expect(april.rule).toContain('on or before the 15th')
    expect(proRataLeave({ startDate: '2026-04-15', annualEntitlement: 25 }).counted).toBe(9)
    expect(proRataLeave({ startDate: '2026-04-16', annualEntitlement: 25 })).toMatchObject({
      counted: 8,
      exact: 16.67,
      result: 16.5,
    })
    expect(proRataLeave({ startDate: '2026-12-20', annualEntitlement: 25 })).toMatchObject({
      counted: 0,
      result: 0,
    })
    expect(proRataLeave({ startDate: '2026-01-01', annualEntitlement: 25 })).toMatchObject({
      counted: 12,
      result: 25,
    })
  })

  it('by days, in leap and common years', () => {
    expect(proRataLeave({ startDate: '2026-07-01', annualEntitlement: 20, basis: 'days' })).toMatchObject({
      counted: 184,
      outOf: 365,
      exact: 10.08,
      result: 10,
    })
    expect(proRataLeave({ startDate: '2028-12-31', annualEntitlement: 366, basis: 'days' })).toMatchObject({
      counted: 1,
      outOf: 366,
      result: 1,
    })
  })

  it('applies the stated rounding', () => {
    const at = (rounding: Parameters<typeof proRataLeave>[0]['rounding']) =>
      proRataLeave({ startDate: '2026-04-16', annualEntitlement: 25, rounding }).result
    expect(at('none')).toBe(16.67)
    expect(at('nearest_half')).toBe(16.5)
    expect(at('nearest_whole')).toBe(17)
    expect(at('up_half')).toBe(17)
    expect(at('down_whole')).toBe(16)
    expect(proRataLeave({ startDate: '2026-07-01', annualEntitlement: 20, rounding: 'up_half' }).result).toBe(
      10,
    )
  })

  it('without an entitlement gives the fraction only', () => {
    expect(proRataLeave({ startDate: '2026-04-01' })).toMatchObject({
      fraction: 0.75,
      annualEntitlement: null,
      exact: null,
      result: null,
    })
  })

  it('rejects impossible entitlements', () => {
    expect(() => proRataLeave({ startDate: '2026-04-01', annualEntitlement: -1 })).toThrow(DateInputError)
    expect(() => proRataLeave({ startDate: '2026-04-01', annualEntitlement: Number.NaN })).toThrow(
      DateInputError,
    )
  })
})

describe('noticeDeadline', () => {
  it('ends on the corresponding date, moved back to Friday from a weekend', () => {
    expect(noticeDeadline({ noticeDate: '2026-03-15', amount: 1, unit: 'months' })).toMatchObject({
      periodEnds: '2026-04-15',
      lastWorkingDay: '2026-04-15',
    })
    // 2026-04-18 is a Saturday.
    expect(noticeDeadline({ noticeDate: '2026-03-18', amount: 1, unit: 'months' })).toMatchObject({
      periodEnds: '2026-04-18',
      lastWorkingDay: '2026-04-17',
    })
    expect(noticeDeadline({ noticeDate: '2026-01-31', amount: 1, unit: 'months' }).periodEnds).toBe(
      '2026-02-28',
    )
    expect(noticeDeadline({ noticeDate: '2026-03-02', amount: 2, unit: 'weeks' }).lastWorkingDay).toBe(
      '2026-03-16',
    )
    expect(noticeDeadline({ noticeDate: '2026-03-02', amount: 5, unit: 'days' }).lastWorkingDay).toBe(
      '2026-03-06',
    )
  })

  it('rejects negative periods and bad dates', () => {
    expect(() => noticeDeadline({ noticeDate: '2026-03-02', amount: -1, unit: 'days' })).toThrow(
      'a notice period cannot be negative',
    )
    expect(() => noticeDeadline({ noticeDate: '2026-02-30', amount: 1, unit: 'days' })).toThrow(
      DateInputError,
    )
  })
})
