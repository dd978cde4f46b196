/**
 * Splits an answer into renderable pieces: lines, sentences within lines, and `[n]` citation markers
 * within sentences. Sentence boundaries follow the validator (Intl.Segmenter, citations written after
 * the full stop belong to the sentence before), so a sentence can be matched to its validation verdict.
 */
/** `key`s are positional and stable while an answer streams in (text only ever grows at the end). */
export type AnswerPiece = { key: string } & ({ type: 'text'; text: string } | { type: 'citation'; n: number })
export type AnswerSentence = { key: string; pieces: AnswerPiece[]; plain: string }
export type AnswerLine = { key: string; bullet: string | null; sentences: AnswerSentence[] }

const CITATION = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g
const LEADING_CITATIONS = /^\s*((?:\[\d{1,3}(?:\s*,\s*\d{1,3})*\]\s*)+)/
const BULLET = /^\s*((?:[-*•]|\d+[.)]))\s+/

/** The sentence without citation markers, as the validator stores it (`stripCitations`). */
export function plainSentence(raw: string): string {
  return raw
    .replace(CITATION, '')
    .replace(/\s+([.,;:!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
}

function pieces(raw: string, prefix: string): AnswerPiece[] {
  const out: AnswerPiece[] = []
  const key = () => `${prefix}p${out.length}`
  let last = 0
  for (const match of raw.matchAll(CITATION)) {
    const index = match.index ?? 0
    if (index > last) out.push({ key: key(), type: 'text', text: raw.slice(last, index) })
    for (const n of (match[1] ?? '').split(','))
      out.push({ key: key(), type: 'citation', n: Number(n.trim()) })
    last = index + match[0].length
  }
  if (last < raw.length) out.push({ key: key(), type: 'text', text: raw.slice(last) })
  return out
}

let segmenter: Intl.Segmenter | undefined

export function segmentAnswer(answer: string): AnswerLine[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' })
  const lines: AnswerLine[] = []
  for (const line of answer.split(/\n+/)) {
    if (line.trim().length === 0) continue
    const bullet = BULLET.exec(line)
    const body = bullet ? line.slice(bullet[0].length) : line
    const raws: string[] = []
    for (const part of segmenter.segment(body)) {
      const lead = LEADING_CITATIONS.exec(part.segment)
      if (lead && raws.length > 0) {
        raws[raws.length - 1] += lead[0]
        const rest = part.segment.slice(lead[0].length)
        if (rest.trim().length > 0) raws.push(rest)
      } else raws.push(part.segment)
    }
    const lineKey = `l${lines.length}`
    lines.push({
      key: lineKey,
      bullet: bullet?.[1] ?? null,
      sentences: raws.map((raw, i) => ({
        key: `${lineKey}s${i}`,
        pieces: pieces(raw, `${lineKey}s${i}`),
        plain: plainSentence(raw),
      })),
    })
  }
  return lines
}

/** Plain texts of claim sentences the validator could not support: these are marked "unverified". */
export function unverifiedSentences(
  sentences: { text: string; claim: boolean; supported: boolean }[] | undefined,
): Set<string> {
  return new Set(
    (sentences ?? []).filter((s) => s.claim && !s.supported).map((s) => s.text.replace(/\s+/g, ' ').trim()),
  )
}
