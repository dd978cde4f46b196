import { describe, expect, it } from 'vitest'
import { rewriteFollowUp, type Turn } from './rewrite'

const HISTORY: Turn[] = [
  { role: 'user', content: 'How many vacation days do new employees get?' },
  { role: 'assistant', content: 'New employees get 25 vacation days a year [1].' },
]

describe('rewriteFollowUp', () => {
  it('leaves the question alone without history', () => {
    expect(rewriteFollowUp('and for contractors?', [])).toBe('and for contractors?')
  })

  it.each([
    'and for contractors?',
    'What about part-time staff?',
    'How long does it last?',
    'Does that apply to interns?',
    'Can they carry them over into next year?',
    'Is the same true for the Lisbon office?',
    'Does this policy cover contractors working abroad?',
    'Do I need my manager’s approval for that?',
    'That applies to contractors working abroad as well?',
    'Is there a limit for those?',
    'Or in Berlin?',
    'interns?',
  ])('joins the follow-up %j with the previous question', (question) => {
    expect(rewriteFollowUp(question, HISTORY)).toBe(
      `How many vacation days do new employees get: ${question.trim()}`,
    )
  })

  it('uses the latest user question, not the assistant’s answer or older questions', () => {
    const history: Turn[] = [
      { role: 'user', content: 'Where do I park?' },
      ...HISTORY,
      { role: 'assistant', content: 'Anything else?' },
    ]
    expect(rewriteFollowUp('and for contractors?', history)).toBe(
      'How many vacation days do new employees get: and for contractors?',
    )
  })

  it.each([
    'How do I book a parking space in the company garage?',
    'Is there a dress code for client meetings?',
    'Are there limits on meal expenses during business travel?',
    'What is the policy that covers jury duty leave?',
    'Is it possible to carry over unused vacation days?',
    'Which documents must I bring for my first day?',
    'Is it true that remote work needs written approval from a manager?',
    'What happens to the vacation days that I do not use by December?',
  ])('leaves the standalone question %j exactly as asked', (question) => {
    expect(rewriteFollowUp(question, HISTORY)).toBe(question)
  })
})
