const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })

/** Sentences of a passage or an answer; list items and table rows count as their own sentences. */
export function splitSentences(text: string): string[] {
  const out: string[] = []
  for (const line of text.split(/\n+/)) {
    const clean = line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim()
    if (clean.length === 0) continue
    for (const part of segmenter.segment(clean)) {
      const sentence = part.segment.trim()
      if (sentence.length > 0) out.push(sentence)
    }
  }
  return out
}

const CITATION = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g

/** The source numbers a sentence cites: "[1]", "[2, 3]" and "[1][4]" forms. */
export function parseCitations(sentence: string): number[] {
  const numbers = new Set<number>()
  for (const match of sentence.matchAll(CITATION)) {
    for (const n of (match[1] ?? '').split(',')) numbers.add(Number(n.trim()))
  }
  return [...numbers].sort((a, b) => a - b)
}

export function stripCitations(sentence: string): string {
  return sentence
    .replace(CITATION, '')
    .replace(/\s+([.,;:!?])/g, '$1')
    .trim()
}

const LEADING_CITATIONS = /^((?:\[\d{1,3}(?:\s*,\s*\d{1,3})*\]\s*)+)/

/**
 * Splits an answer into sentences. A sentence segmenter puts a citation written after the full stop
 * ("… notes. [1] Next …") at the start of the next sentence; it belongs to the sentence before it.
 */
export function splitAnswerSentences(answer: string): string[] {
  const out: string[] = []
  for (const sentence of splitSentences(answer)) {
    const lead = LEADING_CITATIONS.exec(sentence)
    if (lead && out.length > 0) {
      out[out.length - 1] = `${out[out.length - 1]} ${(lead[1] ?? '').trim()}`
      const rest = sentence.slice(lead[0].length).trim()
      if (rest.length > 0) out.push(rest)
    } else out.push(sentence)
  }
  return out
}
