import { describe, expect, it } from 'vitest'
import { ABSTENTION } from '../prompt/answer-prompt'
import {
  composeExtractiveAnswer,
  DEFAULT_EXTRACTIVE_OPTIONS,
  type ExtractiveSource,
} from './extractive-answer'

const refunds: ExtractiveSource[] = [
  {
    n: 1,
    title: 'Refund policy › Enterprise accounts',
    text: 'Enterprise accounts have a 99.9% monthly uptime commitment. Enterprise refunds are governed first by the customer MSA.',
  },
  {
    n: 2,
    title: 'Security policy',
    text: 'Enterprise accounts get single sign-on. Passwords rotate yearly.',
  },
]

describe('composeExtractiveAnswer', () => {
  it('opens on the sentence holding the rarest question term, not on one sharing only common words', () => {
    // "refund" is rare in the reader's corpus, "enterprise" and "account" are everywhere.
    const termWeights = { refund: 4, enterpris: 1, account: 1, polici: 0.5 }
    const answer = composeExtractiveAnswer('What is the refund policy for enterprise accounts?', refunds, {
      ...DEFAULT_EXTRACTIVE_OPTIONS,
      termWeights,
    })
    expect(answer).toBe('Enterprise refunds are governed first by the customer MSA. [1]')
  })

  it('gives a yes/no question the one sentence that settles it', () => {
    const sources: ExtractiveSource[] = [
      {
        n: 1,
        title: 'Remote work',
        text: 'Employees may work remotely up to 3 days a week. Remote work abroad needs HR approval. Internet costs are not reimbursed.',
      },
    ]
    expect(composeExtractiveAnswer('Can I work remotely from abroad?', sources)).toBe(
      'Remote work abroad needs HR approval. [1]',
    )
  })

  it('brings the list a quoted sentence introduces, and keeps document order', () => {
    const sources: ExtractiveSource[] = [
      {
        n: 1,
        title: 'Statutory Sick Pay',
        text: 'Other rules apply to contractors.\nYou can get SSP if you:\n- are an employee\n- earn at least 120 a week\n\nSSP is paid by your employer.',
      },
    ]
    expect(composeExtractiveAnswer('Can I get SSP?', sources)).toBe(
      'You can get SSP if you: [1] are an employee. [1] earn at least 120 a week. [1]',
    )
  })

  it('never wanders to a sentence of another topic to cover a generic word', () => {
    const sources: ExtractiveSource[] = [
      { n: 1, title: 'Travel expenses', text: 'Childcare and pet care while travelling are not reimbursed.' },
      { n: 2, title: 'Learning', text: 'Northwind also offers a company library of online courses.' },
    ]
    const answer = composeExtractiveAnswer('Does the company offer pet insurance?', sources, {
      ...DEFAULT_EXTRACTIVE_OPTIONS,
      termWeights: { compani: 1, offer: 2, pet: 5, insur: 2 },
    })
    expect(answer).toBe('Childcare and pet care while travelling are not reimbursed. [1]')
  })

  it('prefers the sentence with the form the question asks for', () => {
    const sources: ExtractiveSource[] = [
      {
        n: 1,
        title: 'Expenses',
        text: 'Expense claims are approved by your manager. Expense claims must be submitted within 30 days.',
      },
    ]
    expect(composeExtractiveAnswer('How long do I have to submit expense claims?', sources)).toBe(
      'Expense claims must be submitted within 30 days. [1]',
    )
  })

  it('abstains only when no sentence shares a question term', () => {
    expect(composeExtractiveAnswer('Can I bring my dog?', refunds)).toBe(ABSTENTION)
    expect(composeExtractiveAnswer('the of and', refunds)).toBe(ABSTENTION)
    expect(composeExtractiveAnswer('Refunds?', [])).toBe(ABSTENTION)
  })
})
