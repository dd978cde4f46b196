import type { schema } from '@policydesk/db'
import { contentTerms } from '@policydesk/text'
import { markerProblem, markersIn } from '@/lib/shared/review/markers'

/** A candidate passage the analyst chose to cite in a corrected answer, numbered as it appears. */
export type CitationPick = {
  n: number
  chunkId: string
  documentId: string
  versionId: string
  title: string
  passage: string
  page: number | null
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })

function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => [...segmenter.segment(line)].map((s) => s.segment.trim()))
    .filter((s) => s.length > 0)
}

/** The passage sentence sharing most content terms with the answer sentences that cite it. */
export function bestQuote(passage: string, claims: string[]): string {
  const wanted = new Set(claims.flatMap((c) => contentTerms(c)))
  let best = ''
  let bestScore = -1
  for (const sentence of sentences(passage)) {
    const score = contentTerms(sentence).filter((t) => wanted.has(t)).length
    if (score > bestScore) {
      best = sentence
      bestScore = score
    }
  }
  return best
}

export type CorrectedCitations =
  | { ok: true; citations: schema.TraceCitation[] }
  | { ok: false; error: string }

/**
 * Citations of a corrected answer from the passages the analyst picked: every [n] in the text must be a
 * picked passage and every picked passage must be cited, so the curated answer validates like a generated
 * one. The quote is the passage sentence that best matches the sentences citing it.
 */
export function buildCorrectedCitations(text: string, picks: CitationPick[]): CorrectedCitations {
  const numbers = picks.map((p) => p.n).sort((a, b) => a - b)
  if (numbers.some((n, i) => n !== i + 1)) return { ok: false, error: 'Sources must be numbered 1, 2, 3, …' }
  const problem = markerProblem(text, picks.length)
  if (problem) return { ok: false, error: problem }
  const textSentences = sentences(text)
  const citations = [...picks]
    .sort((a, b) => a.n - b.n)
    .map((p) => ({
      n: p.n,
      documentId: p.documentId,
      title: p.title,
      versionId: p.versionId,
      chunkId: p.chunkId,
      quote: bestQuote(
        p.passage,
        textSentences.filter((s) => markersIn(s).includes(p.n)),
      ),
      page: p.page,
    }))
  return { ok: true, citations }
}
