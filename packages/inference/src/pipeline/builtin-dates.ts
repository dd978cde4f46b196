import type { schema } from '@policydesk/db'
import { errorMessage } from '@policydesk/runtime'
import { DateInputError } from '../tools/calculate-dates'
import { type CalculateDatesArgs, runDateCalculation } from '../tools/date-tool'

/**
 * The built-in answerer's equivalent of the `calculate_dates` tool: no model decides to call it, so the
 * pipeline recognises a few unambiguous date questions itself, computes them with the same module and the
 * asker's profile, and adds one sentence labelled "Calculation:" to the answer (recorded as a tool call).
 * Patterns are narrow on purpose (an ISO date or "my start date", a number and a unit): a question without
 * one is answered exactly as before.
 */

type Unit = 'days' | 'weeks' | 'months' | 'years' | 'business_days'

export type DateQuestion =
  | { kind: 'shift'; amount: number; unit: Unit; direction: 'after' | 'before'; date: string | 'start' }
  | { kind: 'notice'; noticeDate: string; amount: number | null; unit: 'days' | 'weeks' | 'months' | null }
  | { kind: 'pro-rata'; startDate: string | 'start' }

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
}
const AMOUNT = String.raw`(\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`
const UNIT = '(business[ -]days?|working[ -]days?|days?|weeks?|months?|years?)'
const ISO = String.raw`(\d{4}-\d{2}-\d{2})`
const MY_START = String.raw`(?:my|the)\s+(?:employment\s+)?start(?:ing)?\s+date`

const SHIFT = new RegExp(
  String.raw`\b${AMOUNT}\s+${UNIT}\s+(after|before|from)\s+(?:${ISO}|${MY_START})`,
  'i',
)
const NOTICE_WORDS = /\b(?:notice|resign|resignation|quit)\b/i
const NOTICE_DATE = new RegExp(String.raw`\b(?:on|from|dated?)\s+${ISO}`, 'i')
const NOTICE_PERIOD = new RegExp(
  String.raw`\b${AMOUNT}[ -](days?|weeks?|months?)(?:'s?|’s?)?\s+(?:of\s+)?(?:written\s+)?notice`,
  'i',
)
const PRO_RATA = /\bpro[ -]?rat(?:a|ed)\b|\bprorat(?:ed|a)\b/i
const LEAVE_WORDS = /\b(?:vacation|holiday|leave|days off|pto|annual)\b/i
const STARTED_ON = new RegExp(String.raw`\bstart(?:ed|ing)?\s+(?:on\s+)?${ISO}`, 'i')
const MENTIONS_MY_START = new RegExp(String.raw`\b${MY_START}\b|\bi\s+(?:started|joined)\b`, 'i')

const amountOf = (word: string) => NUMBER_WORDS[word.toLowerCase()] ?? Number(word)

function unitOf(word: string): Unit {
  const w = word.toLowerCase()
  if (w.startsWith('business') || w.startsWith('working')) return 'business_days'
  if (w.startsWith('week')) return 'weeks'
  if (w.startsWith('month')) return 'months'
  if (w.startsWith('year')) return 'years'
  return 'days'
}

/** The date question a sentence asks, or null (most questions). */
export function detectDateQuestion(question: string): DateQuestion | null {
  // Notice first: "3 months notice from 2026-03-15" is a notice question, not plain date arithmetic.
  const noticeDate = NOTICE_DATE.exec(question)
  if (NOTICE_WORDS.test(question) && noticeDate?.[1]) {
    const period = NOTICE_PERIOD.exec(question)
    const unit = period?.[2] ? unitOf(period[2]) : null
    return {
      kind: 'notice',
      noticeDate: noticeDate[1],
      amount: period?.[1] ? amountOf(period[1]) : null,
      unit: unit === 'days' || unit === 'weeks' || unit === 'months' ? unit : null,
    }
  }
  const shift = SHIFT.exec(question)
  if (shift?.[1] && shift[2] && shift[3]) {
    return {
      kind: 'shift',
      amount: amountOf(shift[1]),
      unit: unitOf(shift[2]),
      direction: shift[3].toLowerCase() === 'before' ? 'before' : 'after',
      date: shift[4] ?? 'start',
    }
  }
  if (PRO_RATA.test(question) && LEAVE_WORDS.test(question)) {
    const started = STARTED_ON.exec(question)
    if (started?.[1]) return { kind: 'pro-rata', startDate: started[1] }
    // About the asker ("I", "my"): their profile start date.
    if (MENTIONS_MY_START.test(question) || /\b(?:I|my|me)\b/i.test(question))
      return { kind: 'pro-rata', startDate: 'start' }
  }
  return null
}

/** A number the cited passages agree on, found by `pattern`; null when absent or ambiguous. */
function agreedNumber(passages: string[], pattern: RegExp): { amount: number; unit?: string } | null {
  const found = new Map<string, { amount: number; unit?: string }>()
  for (const passage of passages)
    for (const m of passage.matchAll(pattern))
      if (m[1]) {
        const value = {
          amount: amountOf(m[1]),
          ...(m[2] ? { unit: m[2].toLowerCase().replace(/s$/, '') } : {}),
        }
        found.set(JSON.stringify(value), value)
      }
  return found.size === 1 ? ([...found.values()][0] ?? null) : null
}

const ENTITLEMENT =
  /\b(\d{1,3}(?:\.\d)?)\s+(?:working\s+|paid\s+|business\s+)?days?\s+(?:of\s+)?(?:paid\s+)?(?:annual\s+)?(?:vacation|holiday|leave|pto)\b/gi
const PASSAGE_NOTICE = new RegExp(NOTICE_PERIOD.source, 'gi')

export type DateCalculation = { sentence: string; call: schema.TraceToolCall }

/**
 * Computes the calculation for a detected question. `passages` are the cited passages (an entitlement or a
 * notice period is read from them only when they state exactly one). Null when something needed is missing
 * (no start date in the profile, no notice period anywhere): no sentence rather than a guess.
 */
export function calculateForQuestion(
  question: DateQuestion,
  attributes: schema.UserAttributes | undefined,
  passages: string[],
): DateCalculation | null {
  const startDate = attributes?.startDate
  const started = performance.now()
  let args: CalculateDatesArgs
  let describe: (result: Record<string, unknown>) => string
  switch (question.kind) {
    case 'shift': {
      const date = question.date === 'start' ? startDate : question.date
      if (!date) return null
      args = {
        operation: question.direction === 'after' ? 'add' : 'subtract',
        date,
        amount: question.amount,
        unit: question.unit,
      }
      const unitWord = question.unit.replace('_', ' ').replace(/s$/, question.amount === 1 ? '' : 's')
      const what = `${question.amount} ${unitWord} ${question.direction}`
      const from = question.date === 'start' ? `your start date (${date})` : date
      describe = (r) => `${what} ${from} is ${r.date} (${r.weekday}).`
      break
    }
    case 'notice': {
      const period =
        question.amount !== null && question.unit !== null
          ? { amount: question.amount, unit: question.unit }
          : noticeFromPassages(passages)
      if (!period) return null
      args = {
        operation: 'notice_deadline',
        noticeDate: question.noticeDate,
        amount: period.amount,
        unit: period.unit,
      }
      const unitWord = period.amount === 1 ? period.unit.replace(/s$/, '') : period.unit
      describe = (r) =>
        `with ${period.amount} ${unitWord} of notice given on ${question.noticeDate}, the notice period ends on ${r.periodEnds}, so the last working day is ${r.lastWorkingDay} (a weekend moves back to the Friday before; public holidays are not counted).`
      break
    }
    case 'pro-rata': {
      const date = question.startDate === 'start' ? startDate : question.startDate
      if (!date) return null
      const entitlement = agreedNumber(passages, ENTITLEMENT)?.amount
      args = { operation: 'pro_rata_leave', startDate: date, basis: 'months', rounding: 'nearest_half' }
      if (entitlement !== undefined) args.annualEntitlement = entitlement
      describe = (r) => {
        const share = `${r.counted} of ${r.outOf} months remain in the year (the start month counts when starting on or before the 15th)`
        return r.result === null
          ? `starting on ${date}, ${share}: ${r.fraction} of the annual entitlement.`
          : `starting on ${date}, ${share}: ${r.annualEntitlement} days × ${r.counted}/${r.outOf} = ${r.exact}, rounded to the nearest half day: ${r.result} days.`
      }
      break
    }
  }
  const ms = () => Math.round((performance.now() - started) * 10) / 10
  const id = `builtin-dates-1`
  try {
    const computed = runDateCalculation(args)
    return {
      sentence: `Calculation: ${describe(computed.result)}`,
      call: { id, name: 'calculate_dates', arguments: args, status: 'ok', result: computed, ms: ms() },
    }
  } catch (error) {
    if (!(error instanceof DateInputError)) throw error
    // The question named an impossible date: say so rather than stay silent.
    return {
      sentence: `Calculation: not possible, ${errorMessage(error)}.`,
      call: {
        id,
        name: 'calculate_dates',
        arguments: args,
        status: 'error',
        error: errorMessage(error),
        ms: ms(),
      },
    }
  }
}

function noticeFromPassages(
  passages: string[],
): { amount: number; unit: 'days' | 'weeks' | 'months' } | null {
  const found = agreedNumber(passages, PASSAGE_NOTICE)
  if (!found?.unit) return null
  const unit = `${found.unit}s`
  return unit === 'days' || unit === 'weeks' || unit === 'months' ? { amount: found.amount, unit } : null
}
