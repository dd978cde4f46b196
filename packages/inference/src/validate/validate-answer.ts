import { z } from 'zod'
import { parseCitations, splitAnswerSentences, stripCitations } from './sentences'
import { isClaim, SUPPORT_THRESHOLD, supportScore } from './support'

export const sentenceCheckSchema = z.object({
  text: z.string(),
  citations: z.array(z.number().int()),
  support: z.number().min(0).max(1),
  supported: z.boolean(),
  claim: z.boolean(),
})

export const validationSchema = z.object({
  valid: z.boolean(),
  invalidCitations: z.array(z.number().int()),
  sentences: z.array(sentenceCheckSchema),
  supportedSentenceRate: z.number().min(0).max(1),
})

export type Validation = z.infer<typeof validationSchema>

/**
 * Checks an answer against the sources it was given (the same rules for every provider): each citation
 * must name a provided source; each claim-bearing sentence must cite a passage that supports it. An answer
 * is valid when it has at least one supported claim and no invalid citation.
 */
export function validateAnswer(answer: string, sources: { n: number; text: string }[]): Validation {
  const byNumber = new Map(sources.map((s) => [s.n, s.text]))
  const invalid = new Set<number>()
  const sentences = splitAnswerSentences(answer).map((raw) => {
    const citations = parseCitations(raw)
    for (const n of citations) if (!byNumber.has(n)) invalid.add(n)
    const text = stripCitations(raw)
    const claim = isClaim(text)
    const support = Math.max(0, ...citations.map((n) => supportScore(text, byNumber.get(n) ?? '')))
    return {
      text,
      citations,
      support: Math.round(support * 1000) / 1000,
      supported: !claim || support >= SUPPORT_THRESHOLD,
      claim,
    }
  })
  const claims = sentences.filter((s) => s.claim)
  const supportedClaims = claims.filter((s) => s.supported).length
  return {
    valid: supportedClaims > 0 && invalid.size === 0,
    invalidCitations: [...invalid].sort((a, b) => a - b),
    sentences,
    supportedSentenceRate: claims.length === 0 ? 0 : supportedClaims / claims.length,
  }
}
