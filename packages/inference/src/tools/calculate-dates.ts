/**
 * Deterministic calendar arithmetic for policy questions ("30 days after my start date", "one month notice
 * from 2026-03-15", "pro rata vacation"). Pure functions over ISO dates (YYYY-MM-DD): no time zones, no
 * clocks, no locale. Dates are handled as day numbers, so daylight saving and host time zone cannot shift a
 * result. Public holidays are not known here: "business day" means Monday to Friday.
 */

export class DateInputError extends Error {
  override name = 'DateInputError'
}

export type DateUnit = 'days' | 'weeks' | 'months' | 'years' | 'business_days'

type Ymd = { year: number; month: number; day: number }

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const

export const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0
}

/** Parses a strict ISO calendar date; rejects "2026-02-30", "2026-2-3", times and years outside 1900–2200. */
export function parseIsoDate(value: string, label = 'date'): Ymd {
  const match = ISO_DATE.exec(value)
  if (!match) throw new DateInputError(`${label} must be an ISO date (YYYY-MM-DD), got "${value}"`)
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year < 1900 || year > 2200) throw new DateInputError(`${label} year must be between 1900 and 2200`)
  if (month < 1 || month > 12) throw new DateInputError(`${label} has no month ${month}: "${value}"`)
  if (day < 1 || day > daysInMonth(year, month))
    throw new DateInputError(
      `${label} does not exist: "${value}" (that month has ${daysInMonth(year, month)} days)`,
    )
  return { year, month, day }
}

const toDayNumber = ({ year, month, day }: Ymd) => Date.UTC(year, month - 1, day) / MS_PER_DAY

function fromDayNumber(n: number): Ymd {
  const d = new Date(n * MS_PER_DAY)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')
const format = ({ year, month, day }: Ymd) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`

/** 0 = Sunday … 6 = Saturday. */
const weekdayIndex = (dayNumber: number) => (((dayNumber + 4) % 7) + 7) % 7
const isWeekend = (dayNumber: number) => {
  const w = weekdayIndex(dayNumber)
  return w === 0 || w === 6
}

export function weekdayOf(date: string): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[weekdayIndex(toDayNumber(parseIsoDate(date)))] ?? 'Sunday'
}

function checkAmount(amount: number, label = 'amount'): void {
  if (!Number.isInteger(amount)) throw new DateInputError(`${label} must be a whole number, got ${amount}`)
  if (Math.abs(amount) > 100_000) throw new DateInputError(`${label} is out of range: ${amount}`)
}

function checkResult(result: Ymd): string {
  if (result.year < 1900 || result.year > 2200)
    throw new DateInputError(`the result (${format(result)}) is outside the years 1900–2200`)
  return format(result)
}

/** Calendar months with end-of-month clamping: Jan 31 + 1 month = Feb 28 (Feb 29 in a leap year). */
function shiftMonths(date: Ymd, months: number): Ymd {
  const index = date.year * 12 + (date.month - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) }
}

/** Monday–Friday steps; from a weekend date, +1 is the next Monday and −1 the previous Friday. */
function shiftBusinessDays(dayNumber: number, amount: number): number {
  const step = amount < 0 ? -1 : 1
  let n = dayNumber
  for (let left = Math.abs(amount); left > 0; ) {
    n += step
    if (!isWeekend(n)) left--
  }
  return n
}

/** `date` plus `amount` units (negative subtracts). Months and years clamp to the month's last day. */
export function addToDate(date: string, amount: number, unit: DateUnit): string {
  const start = parseIsoDate(date)
  checkAmount(amount)
  const day = toDayNumber(start)
  switch (unit) {
    case 'days':
      return checkResult(fromDayNumber(day + amount))
    case 'weeks':
      return checkResult(fromDayNumber(day + amount * 7))
    case 'months':
      return checkResult(shiftMonths(start, amount))
    case 'years':
      return checkResult(shiftMonths(start, amount * 12))
    case 'business_days':
      return checkResult(fromDayNumber(shiftBusinessDays(day, amount)))
  }
}

export type DateDifference = {
  /** to − from in calendar days (negative when `to` is earlier). */
  days: number
  /** Whole weeks and the days left over (same sign as `days`). */
  weeks: { weeks: number; days: number }
  /** Whole calendar months (end-of-month clamped, as addToDate) and the days left over. */
  months: { months: number; days: number }
  /** Monday–Friday days after `from` up to and including `to` (negative when `to` is earlier). */
  businessDays: number
}

export function differenceBetween(from: string, to: string): DateDifference {
  const a = parseIsoDate(from, 'from')
  const b = parseIsoDate(to, 'to')
  const dayA = toDayNumber(a)
  const dayB = toDayNumber(b)
  if (dayB < dayA) {
    const reverse = differenceBetween(to, from)
    // `0 - x` rather than `-x`: no negative zeros in JSON-bound results.
    const neg = (x: number) => 0 - x
    return {
      days: neg(reverse.days),
      weeks: { weeks: neg(reverse.weeks.weeks), days: neg(reverse.weeks.days) },
      months: { months: neg(reverse.months.months), days: neg(reverse.months.days) },
      businessDays: neg(reverse.businessDays),
    }
  }
  const days = dayB - dayA
  // Largest m with from + m months ≤ to: a first guess from the calendar, corrected for clamping.
  let months = (b.year - a.year) * 12 + (b.month - a.month)
  while (months > 0 && toDayNumber(shiftMonths(a, months)) > dayB) months--
  const afterMonths = toDayNumber(shiftMonths(a, months))
  let businessDays = 0
  const fullWeeks = Math.floor(days / 7)
  businessDays += fullWeeks * 5
  for (let n = dayA + fullWeeks * 7 + 1; n <= dayB; n++) if (!isWeekend(n)) businessDays++
  return {
    days,
    weeks: { weeks: fullWeeks, days: days - fullWeeks * 7 },
    months: { months, days: dayB - afterMonths },
    businessDays,
  }
}

export type ProRataRounding = 'none' | 'nearest_half' | 'nearest_whole' | 'up_half' | 'down_whole'

export type ProRataInput = {
  /** Full-year entitlement (e.g. 25 days); omitted = only the fraction of the year is computed. */
  annualEntitlement?: number
  startDate: string
  /**
   * `months`: calendar months from the start month to December; the start month counts when the start is
   * on or before its 15th (a common HR convention, stated in every result). `days`: calendar days from the
   * start date to December 31, both included, over the days of that year.
   */
  basis?: 'months' | 'days'
  rounding?: ProRataRounding
}

export type ProRataResult = {
  startDate: string
  basis: 'months' | 'days'
  /** Months or days counted, and out of how many. */
  counted: number
  outOf: number
  /** counted / outOf, 4 decimals. */
  fraction: number
  annualEntitlement: number | null
  /** entitlement × fraction before rounding (2 decimals); null without an entitlement. */
  exact: number | null
  rounding: ProRataRounding
  /** The rounded entitlement; null without an entitlement. */
  result: number | null
  rule: string
}

const ROUNDERS: Record<ProRataRounding, (x: number) => number> = {
  none: (x) => Math.round(x * 100) / 100,
  nearest_half: (x) => Math.round(x * 2) / 2,
  nearest_whole: (x) => Math.round(x),
  up_half: (x) => Math.ceil(x * 2 - 1e-9) / 2,
  down_whole: (x) => Math.floor(x + 1e-9),
}

const ROUNDING_WORDS: Record<ProRataRounding, string> = {
  none: 'to 2 decimals',
  nearest_half: 'to the nearest half day',
  nearest_whole: 'to the nearest whole day',
  up_half: 'up to the next half day',
  down_whole: 'down to a whole day',
}

/** Pro-rata share of an annual entitlement for someone starting during the year. */
export function proRataLeave(input: ProRataInput): ProRataResult {
  const start = parseIsoDate(input.startDate, 'startDate')
  const basis = input.basis ?? 'months'
  const rounding = input.rounding ?? 'nearest_half'
  const entitlement = input.annualEntitlement
  if (entitlement !== undefined && (!Number.isFinite(entitlement) || entitlement < 0 || entitlement > 1000))
    throw new DateInputError(`annualEntitlement must be between 0 and 1000, got ${entitlement}`)
  let counted: number
  let outOf: number
  let rule: string
  if (basis === 'months') {
    counted = 12 - start.month + (start.day <= 15 ? 1 : 0)
    outOf = 12
    rule = `months from the start month to December, the start month counted when starting on or before the 15th; rounded ${ROUNDING_WORDS[rounding]}`
  } else {
    const endOfYear = toDayNumber({ year: start.year, month: 12, day: 31 })
    counted = endOfYear - toDayNumber(start) + 1
    outOf = isLeapYear(start.year) ? 366 : 365
    rule = `calendar days from the start date to December 31, both included; rounded ${ROUNDING_WORDS[rounding]}`
  }
  const fraction = counted / outOf
  const exact = entitlement === undefined ? null : entitlement * fraction
  return {
    startDate: format(start),
    basis,
    counted,
    outOf,
    fraction: Math.round(fraction * 10_000) / 10_000,
    annualEntitlement: entitlement ?? null,
    exact: exact === null ? null : Math.round(exact * 100) / 100,
    rounding,
    result: exact === null ? null : ROUNDERS[rounding](exact),
    rule,
  }
}

export type NoticeInput = { noticeDate: string; amount: number; unit: 'days' | 'weeks' | 'months' }

export type NoticeResult = {
  noticeDate: string
  /** The date `amount` units after the notice date (months end-of-month clamped). */
  periodEnds: string
  /** periodEnds, or the Friday before it when it falls on a weekend. */
  lastWorkingDay: string
  rule: string
}

/**
 * Where a notice period given on `noticeDate` ends. Convention (stated in the result): the period ends on
 * the corresponding date `amount` units later; the last working day is that date, or the Friday before
 * when it is a Saturday or Sunday. A contract may count differently: the answer must say it is a calculation.
 */
export function noticeDeadline(input: NoticeInput): NoticeResult {
  if (input.amount < 0) throw new DateInputError(`a notice period cannot be negative (${input.amount})`)
  const periodEnds = addToDate(input.noticeDate, input.amount, input.unit)
  let last = toDayNumber(parseIsoDate(periodEnds))
  while (isWeekend(last)) last--
  return {
    noticeDate: format(parseIsoDate(input.noticeDate, 'noticeDate')),
    periodEnds,
    lastWorkingDay: format(fromDayNumber(last)),
    rule: 'the notice period ends on the corresponding date after the notice date; a weekend end moves back to the Friday before (public holidays not considered)',
  }
}
