import { z } from 'zod'
import {
  addToDate,
  DateInputError,
  differenceBetween,
  noticeDeadline,
  proRataLeave,
  weekdayOf,
} from './calculate-dates'

/**
 * `calculate_dates`: one flat object (OpenAI function parameters must be an object at the top level, so no
 * discriminated union there); which fields an operation needs is checked here, with the missing field named.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date (YYYY-MM-DD)')

export const calculateDatesArgs = z
  .object({
    operation: z
      .enum(['add', 'subtract', 'difference', 'pro_rata_leave', 'notice_deadline'])
      .describe(
        'add/subtract: date ± amount unit. difference: from → to. pro_rata_leave: startDate, annualEntitlement. notice_deadline: noticeDate + amount unit of notice.',
      ),
    date: isoDate.optional().describe('add/subtract: the date to start from'),
    amount: z.number().int().min(0).max(100_000).optional().describe('add/subtract/notice_deadline'),
    unit: z.enum(['days', 'weeks', 'months', 'years', 'business_days']).optional(),
    from: isoDate.optional().describe('difference: the earlier date'),
    to: isoDate.optional().describe('difference: the later date'),
    startDate: isoDate.optional().describe('pro_rata_leave: employment start date'),
    annualEntitlement: z.number().min(0).max(1000).optional().describe('pro_rata_leave: days per full year'),
    basis: z.enum(['months', 'days']).optional().describe('pro_rata_leave: count months (default) or days'),
    rounding: z.enum(['none', 'nearest_half', 'nearest_whole', 'up_half', 'down_whole']).optional(),
    noticeDate: isoDate.optional().describe('notice_deadline: the date notice is given'),
  })
  .strict()
  .superRefine((args, ctx) => {
    const need: Record<typeof args.operation, (keyof typeof args)[]> = {
      add: ['date', 'amount', 'unit'],
      subtract: ['date', 'amount', 'unit'],
      difference: ['from', 'to'],
      pro_rata_leave: ['startDate'],
      notice_deadline: ['noticeDate', 'amount', 'unit'],
    }
    for (const key of need[args.operation])
      if (args[key] === undefined)
        ctx.addIssue({ code: 'custom', path: [key], message: `is required for ${args.operation}` })
    if (args.operation === 'notice_deadline' && (args.unit === 'years' || args.unit === 'business_days'))
      ctx.addIssue({ code: 'custom', path: ['unit'], message: 'notice_deadline takes days, weeks or months' })
  })
export type CalculateDatesArgs = z.infer<typeof calculateDatesArgs>

export const calculateDatesResult = z.object({
  operation: z.string(),
  /** The answer in one line, for the model and for people reading the trace. */
  summary: z.string(),
  result: z.record(z.string(), z.unknown()),
})
export type CalculateDatesResult = z.infer<typeof calculateDatesResult>

/** "1 month", "2 months", "1 business day". */
const quantity = (amount: number, unit: string) =>
  `${amount} ${unit.replace('_', ' ').replace(/s$/, amount === 1 ? '' : 's')}`

/** Runs a validated calculation; DateInputError for dates that parse but do not exist. */
export function runDateCalculation(args: CalculateDatesArgs): CalculateDatesResult {
  const required = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new DateInputError(`${name} is required for ${args.operation}`)
    return value
  }
  switch (args.operation) {
    case 'add':
    case 'subtract': {
      const date = required(args.date, 'date')
      const amount = required(args.amount, 'amount')
      const unit = required(args.unit, 'unit')
      const value = addToDate(date, args.operation === 'add' ? amount : -amount, unit)
      const words = `${quantity(amount, unit)} ${args.operation === 'add' ? 'after' : 'before'} ${date}`
      return {
        operation: args.operation,
        summary: `${words} is ${value} (${weekdayOf(value)})`,
        result: { date: value, weekday: weekdayOf(value) },
      }
    }
    case 'difference': {
      const from = required(args.from, 'from')
      const to = required(args.to, 'to')
      const diff = differenceBetween(from, to)
      return {
        operation: 'difference',
        summary: `from ${from} to ${to}: ${diff.days} days (${diff.weeks.weeks} weeks and ${diff.weeks.days} days; ${diff.months.months} months and ${diff.months.days} days; ${diff.businessDays} business days)`,
        result: diff,
      }
    }
    case 'pro_rata_leave': {
      const result = proRataLeave({
        startDate: required(args.startDate, 'startDate'),
        annualEntitlement: args.annualEntitlement,
        basis: args.basis,
        rounding: args.rounding,
      })
      const share = `${result.counted} of ${result.outOf} ${result.basis}`
      return {
        operation: 'pro_rata_leave',
        summary:
          result.result === null
            ? `starting ${result.startDate}: ${share} of the year (${result.fraction})`
            : `starting ${result.startDate}: ${result.annualEntitlement} × ${share} = ${result.exact}, rounded ${result.result}`,
        result,
      }
    }
    case 'notice_deadline': {
      const unit = required(args.unit, 'unit')
      if (unit === 'years' || unit === 'business_days')
        throw new DateInputError('notice_deadline takes days, weeks or months')
      const result = noticeDeadline({
        noticeDate: required(args.noticeDate, 'noticeDate'),
        amount: required(args.amount, 'amount'),
        unit,
      })
      return {
        operation: 'notice_deadline',
        summary: `${quantity(required(args.amount, 'amount'), unit)} notice from ${result.noticeDate}: the period ends ${result.periodEnds}, last working day ${result.lastWorkingDay}`,
        result,
      }
    }
  }
}
