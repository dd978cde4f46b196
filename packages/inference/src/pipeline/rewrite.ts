import { contentTerms } from '@policydesk/ingest'

export type Turn = { role: 'user' | 'assistant'; content: string }

const FOLLOW_UP = /\b(it|its|that|this|they|them|those|these|there|same|what about|how about|and for|also)\b/i

/**
 * Deterministic follow-up rewriting: a question that leans on the conversation ("and for contractors?",
 * "how long does it last?") is joined with the previous question, so retrieval sees the topic. A question
 * that stands on its own is left exactly as asked.
 */
export function rewriteFollowUp(question: string, history: Turn[]): string {
  const previous = [...history].reverse().find((t) => t.role === 'user')
  if (!previous) return question
  const terms = new Set(contentTerms(question))
  const leansOnHistory =
    terms.size < 3 || FOLLOW_UP.test(question) || /^(and|or|but|what if)\b/i.test(question.trim())
  if (!leansOnHistory) return question
  return `${previous.content.trim().replace(/[?.!]+$/, '')}: ${question.trim()}`
}
