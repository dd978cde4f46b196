import { describe, expect, it } from 'vitest'
import { calculateForQuestion, detectDateQuestion } from './builtin-dates'

describe('detectDateQuestion', () => {
  it('recognises the three kinds of date question', () => {
    expect(detectDateQuestion('What is the date 30 days after my start date?')).toEqual({
      kind: 'shift',
      amount: 30,
      unit: 'days',
      direction: 'after',
      date: 'start',
    })
    expect(detectDateQuestion('When is ten business days before 2026-05-04?')).toMatchObject({
      amount: 10,
      unit: 'business_days',
      direction: 'before',
      date: '2026-05-04',
    })
    expect(
      detectDateQuestion('If I resign on 2026-03-15 with one month notice, when is my last day?'),
    ).toEqual({
      kind: 'notice',
      noticeDate: '2026-03-15',
      amount: 1,
      unit: 'months',
    })
    expect(detectDateQuestion('I gave notice on 2026-03-02, when is my last day?')).toEqual({
      kind: 'notice',
      noticeDate: '2026-03-02',
      amount: null,
      unit: null,
    })
    expect(
      detectDateQuestion('How many vacation days do I get pro rata if I started on 2026-04-01?'),
    ).toEqual({
      kind: 'pro-rata',
      startDate: '2026-04-01',
    })
    expect(detectDateQuestion('Is my holiday allowance prorated in my first year?')).toEqual({
      kind: 'pro-rata',
      startDate: 'start',
    })
  })

  it('leaves ordinary questions alone, including ones with numbers of days', () => {
    for (const question of [
      'A self-serve customer on an annual plan wants to cancel 10 days after their plan auto-renewed. Can they get their money back?',
      'How many weeks of notice do I have to give if I resign?',
      'How many vacation days do I get?',
      "After a customer's contract ends, when is their data deleted from the platform?",
      'Are refunds prorated for enterprise contracts?',
    ])
      expect(detectDateQuestion(question), question).toBeNull()
  })
})

describe('calculateForQuestion', () => {
  const profile = { startDate: '2026-01-12', country: 'PT' }

  it('uses the profile start date and labels the sentence as a calculation', () => {
    const question = detectDateQuestion('What is the date 30 days after my start date?')
    const calc = question && calculateForQuestion(question, profile, [])
    expect(calc?.sentence).toBe(
      'Calculation: 30 days after your start date (2026-01-12) is 2026-02-11 (Wednesday).',
    )
    expect(calc?.call).toMatchObject({
      name: 'calculate_dates',
      status: 'ok',
      arguments: { operation: 'add', date: '2026-01-12', amount: 30, unit: 'days' },
    })
  })

  it('says nothing without a start date in the profile', () => {
    const question = detectDateQuestion('What is the date 30 days after my start date?')
    expect(question && calculateForQuestion(question, {}, [])).toBeNull()
    expect(question && calculateForQuestion(question, undefined, [])).toBeNull()
  })

  it('notice: from the question, else from the cited passages when they state one period', () => {
    const stated = detectDateQuestion('If I resign on 2026-03-15 with one month notice, when is my last day?')
    expect(stated && calculateForQuestion(stated, profile, [])?.sentence).toBe(
      'Calculation: with 1 month of notice given on 2026-03-15, the notice period ends on 2026-04-15, so the last working day is 2026-04-15 (a weekend moves back to the Friday before; public holidays are not counted).',
    )
    const open = detectDateQuestion('I resign on 2026-03-18, what is my last day?')
    expect(
      open && calculateForQuestion(open, profile, ['Employees give one month notice in writing.'])?.call,
    ).toMatchObject({
      result: { result: { periodEnds: '2026-04-18', lastWorkingDay: '2026-04-17' } },
    })
    expect(
      open &&
        calculateForQuestion(open, profile, [
          'Staff give one month notice.',
          'Managers give 3 months notice.',
        ]),
    ).toBeNull()
  })

  it('pro rata: the entitlement from the cited passage when clear, else only the fraction', () => {
    const question = detectDateQuestion(
      'How many vacation days do I get pro rata if I started on 2026-04-01?',
    )
    const withEntitlement =
      question &&
      calculateForQuestion(question, profile, ['Employees receive 25 days of paid vacation per year.'])
    expect(withEntitlement?.sentence).toBe(
      'Calculation: starting on 2026-04-01, 9 of 12 months remain in the year (the start month counts when starting on or before the 15th): 25 days × 9/12 = 18.75, rounded to the nearest half day: 19 days.',
    )
    const ambiguous =
      question &&
      calculateForQuestion(question, profile, ['25 days of vacation; 30 days of vacation after five years.'])
    expect(ambiguous?.sentence).toBe(
      'Calculation: starting on 2026-04-01, 9 of 12 months remain in the year (the start month counts when starting on or before the 15th): 0.75 of the annual entitlement.',
    )
  })

  it('an impossible date in the question is an error sentence and an error call', () => {
    const question = detectDateQuestion('What is 3 weeks after 2026-02-30?')
    const calc = question && calculateForQuestion(question, profile, [])
    expect(calc?.call.status).toBe('error')
    expect(calc?.sentence).toContain('Calculation: not possible, date does not exist: "2026-02-30"')
  })
})
