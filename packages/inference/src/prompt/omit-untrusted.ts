import type { schema } from '@policydesk/db'
import { findUntrustedSpans, UNTRUSTED_SUMMARY } from '@policydesk/text'

/**
 * Documents are data, never instructions. Before a passage becomes prompt text, every sentence the
 * untrusted-text detector flags (addressed to an AI, overriding instructions, dictating the answer) is
 * replaced by a visible placeholder: a configured model never reads it, the built-in extractive answerer
 * cannot quote it, and the trace records what was withheld and why.
 *
 * The detector runs here on the passage text itself rather than trusting the spans stored at ingestion,
 * so chunks stored before a detector change, and passages assembled from several chunks, are covered.
 */

export const OMISSION_PLACEHOLDER = `[omitted: text ${UNTRUSTED_SUMMARY}]`

export function omitUntrustedSentences(text: string): { text: string; omitted: schema.TraceOmission[] } {
  const spans = findUntrustedSpans(text)
  if (spans.length === 0) return { text, omitted: [] }
  let out = ''
  let last = 0
  for (const span of spans) {
    out += text.slice(last, span.start) + OMISSION_PLACEHOLDER
    last = span.end
  }
  return {
    text: out + text.slice(last),
    omitted: spans.map((span) => ({ text: text.slice(span.start, span.end), reason: span.reason })),
  }
}

/** The extractive answerer reads sources back out of the prompt; a placeholder is never an answer. */
export function withoutOmissionPlaceholders(text: string): string {
  return text.split(OMISSION_PLACEHOLDER).join(' ')
}
