/** Deterministic formats (server and browser render the same text, whatever their locale). */

export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return '–'
  const date = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(date.getTime())) return '–'
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return '–'
  const date = typeof value === 'string' ? new Date(value) : value
  return Number.isNaN(date.getTime()) ? '–' : date.toISOString().slice(0, 10)
}

export function formatScore(value: number | null, digits = 3): string {
  return value === null ? '–' : value.toFixed(digits)
}

/** "p. 3", "pp. 3–4", or '' when the format has no pages (Markdown, HTML, DOCX). */
export function formatPages(start: number | null, end: number | null): string {
  if (start === null) return ''
  return end !== null && end !== start ? `pp. ${start}–${end}` : `p. ${start}`
}

/** "1 chunk", "3 chunks". */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`
}
