const isRow = (line: string) => /^\s*\|.*\|\s*$/.test(line)
const isSeparator = (line: string) => /^\s*\|(\s*:?-{2,}:?\s*\|)+\s*$/.test(line)
const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim())

/**
 * Rewrites Markdown table rows as readable statements, each cell labelled by its column header
 * ("Level: L4 Staff; Lisbon (EUR): 60,000 / 71,000"), so a quoted row reads as a sentence and keeps the
 * header words a question matches on. Other lines are unchanged.
 */
export function tableRowsToStatements(text: string): string {
  const lines = text.split('\n')
  const out: string[] = []
  let header: string[] | null = null
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (!isRow(line)) {
      header = null
      out.push(line)
      continue
    }
    if (isSeparator(line)) continue
    const next = lines[i + 1] ?? ''
    if (header === null && isSeparator(next)) {
      header = cells(line)
      continue
    }
    const values = cells(line)
    const labelled = values
      .map((v, j) => (header?.[j] ? `${header[j]}: ${v}` : v))
      .filter((v) => v.length > 0)
    out.push(`${labelled.join('; ')}.`)
  }
  return out.join('\n')
}
