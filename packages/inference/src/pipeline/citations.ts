import { contentTerms } from '@policydesk/text'
import type { NumberedSource } from '../prompt/answer-prompt'
import { splitSentences } from '../validate/sentences'
import type { Validation } from '../validate/validate-answer'
import type { AnswerCitation } from './types'

/** The passage sentence that best matches the answer sentences citing it: what the UI highlights. */
function bestQuote(passage: string, claims: string[]): string {
  const wanted = new Set(claims.flatMap((c) => contentTerms(c)))
  let best = ''
  let bestScore = -1
  for (const sentence of splitSentences(passage)) {
    const score = contentTerms(sentence).filter((t) => wanted.has(t)).length
    if (score > bestScore) {
      best = sentence
      bestScore = score
    }
  }
  return best
}

/** Citations for the sources the answer actually cites, in number order. */
export function buildCitations(sources: NumberedSource[], validation: Validation): AnswerCitation[] {
  const cited = new Set(validation.sentences.flatMap((s) => s.citations))
  return sources
    .filter((s) => cited.has(s.n))
    .map(({ n, candidate }) => ({
      n,
      documentId: candidate.documentId,
      documentSlug: candidate.documentSlug,
      title: candidate.title,
      versionId: candidate.versionId,
      chunkId: candidate.chunkId,
      headingPath: candidate.headingPath,
      page: candidate.pageStart,
      passage: candidate.text,
      ...(candidate.appliesTo ? { appliesTo: candidate.appliesTo } : {}),
      quote: bestQuote(
        candidate.text,
        validation.sentences.filter((s) => s.citations.includes(n)).map((s) => s.text),
      ),
    }))
}
