/** "[1]", "[2, 3]" and "[1][4]": the citation marker forms the answer validator reads. */
const MARKER = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g

/** The source numbers cited anywhere in a text, ascending. */
export function markersIn(text: string): number[] {
  const found = new Set<number>()
  for (const m of text.matchAll(MARKER)) for (const n of (m[1] ?? '').split(',')) found.add(Number(n.trim()))
  return [...found].sort((a, b) => a - b)
}

/**
 * What is wrong between a corrected answer's markers and the picked sources (1..picked), or null: every
 * marker must name a picked source and every picked source must be cited.
 */
export function markerProblem(text: string, picked: number): string | null {
  const used = markersIn(text)
  const unknown = used.filter((n) => n < 1 || n > picked)
  if (unknown.length > 0) {
    const list = unknown.map((n) => `[${n}]`).join(', ')
    return `The answer cites ${list}, which ${unknown.length === 1 ? 'is' : 'are'} not a selected source.`
  }
  const unused: number[] = []
  for (let n = 1; n <= picked; n++) if (!used.includes(n)) unused.push(n)
  if (unused.length > 0) {
    const list = unused.map((n) => `[${n}]`).join(', ')
    return `Cite every selected source in the text: ${list} ${unused.length === 1 ? 'is' : 'are'} never cited.`
  }
  return null
}
