import { contentTerms } from '@policydesk/text'

export type Turn = { role: 'user' | 'assistant'; content: string }

const FOLLOW_UP = /\b(it|its|that|this|they|them|those|these|there|same|what about|how about|and for|also)\b/i

/** Uses of those words that point nowhere, removed (in this order) before looking for a reference back. */
const NON_REFERRING = [
  // Relative "that" after a noun or adjective: "the policy that covers …", "true that …"
  // (but not after a verb or preposition: "does that apply?", "approval for that?").
  /(?<!^\s*|\b(?:does|do|did|is|are|was|were|will|would|can|could|should|for|about|on|with|to|in|of|like|after|before|than|from|by|at|under)\s+)\bthat\b/gi,
  // Existential "there": "Is there a dress code?", "Are there limits on …?"
  /\b(?:is|are|was|were)\s+there\b|\bthere\s+(?:is|are|was|were)\b/gi,
  // Expletive "it": "Is it possible to …?", "It is mandatory to …"
  /\b(?:(?:is|was)\s+it|it\s+is|it's)\s+(?:possible|allowed|ok|okay|true|necessary|mandatory|required|legal)\b/gi,
]

/**
 * Deterministic follow-up rewriting: a question that leans on the conversation ("and for contractors?",
 * "how long does it last?") is joined with the previous question, so retrieval sees the topic. A question
 * that stands on its own is left exactly as asked.
 */
export function rewriteFollowUp(question: string, history: Turn[]): string {
  const previous = [...history].reverse().find((t) => t.role === 'user')
  if (!previous) return question
  const terms = new Set(contentTerms(question))
  const referring = NON_REFERRING.reduce((text, pattern) => text.replace(pattern, ' '), question.trim())
  const leansOnHistory =
    terms.size < 3 || FOLLOW_UP.test(referring) || /^(and|or|but|what if)\b/i.test(question.trim())
  if (!leansOnHistory) return question
  return `${previous.content.trim().replace(/[?.!]+$/, '')}: ${question.trim()}`
}
