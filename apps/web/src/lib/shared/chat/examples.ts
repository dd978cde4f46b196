/**
 * Empty-state suggestions: questions from samples/questions.jsonl that every employee may ask (no
 * restricted group) and that the demo corpus answers well. Swap them when you load your own documents.
 */
export const EXAMPLE_QUESTIONS = [
  'What does the company match on 401(k) contributions?',
  'How long am I allowed to work from abroad each year?',
  'Who has to approve an expense claim of EUR 4,000?',
  'After I submit a whistleblowing report, when will I hear back?',
] as const
