/**
 * Every number, date and size the web app shows. Deterministic: server and browser render the same text
 * whatever their locale, so hydration never drifts (dates are UTC, numbers en-US).
 */

type DateInput = Date | string | null | undefined

function toDate(value: DateInput): Date | null {
  if (!value) return null
  const date = typeof value === 'string' ? new Date(value) : value
  return Number.isNaN(date.getTime()) ? null : date
}

/** "2026-11-26 14:03 UTC"; '–' for no date. */
export function formatDateTime(value: DateInput): string {
  const date = toDate(value)
  return date ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '–'
}

/** "2026-11-26"; '–' for no date. */
export function formatDate(value: DateInput): string {
  const date = toDate(value)
  return date ? date.toISOString().slice(0, 10) : '–'
}

/** An age in its coarsest readable unit; the catalog phrases it (`common.ago`, `common.duration`). */
export type Age = { n: number; unit: 's' | 'min' | 'h' | 'd' }

/** How long ago, coarse enough to read at a glance: seconds under 90 s, minutes under 90 min, hours under 36 h. */
export function ageOf(seconds: number): Age {
  const s = Math.max(0, Math.round(seconds))
  if (s < 90) return { n: s, unit: 's' }
  if (s < 90 * 60) return { n: Math.round(s / 60), unit: 'min' }
  if (s < 36 * 3600) return { n: Math.round(s / 3600), unit: 'h' }
  return { n: Math.round(s / 86400), unit: 'd' }
}

/** A retrieval or evidence score; '–' when there is none. */
export function formatScore(value: number | null | undefined, digits = 4): string {
  return value === null || value === undefined ? '–' : value.toFixed(digits)
}

export function formatPercent(value: number | null, digits = 0): string {
  return value === null ? '–' : `${(value * 100).toFixed(digits)} %`
}

/** "850 ms", "1.2 s", "14 s". */
export function formatMs(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–'
  return value >= 1000 ? `${(value / 1000).toFixed(value >= 10_000 ? 0 : 1)} s` : `${Math.round(value)} ms`
}

export function formatUsd(value: number): string {
  return value === 0 ? '$0' : value < 0.01 ? `$${value.toFixed(4)}` : `$${value.toFixed(2)}`
}

export function formatInt(value: number): string {
  return new Intl.NumberFormat('en-US').format(value)
}

/** "0 B", "512 B", "1.5 KB", "50 MB", "23.4 MB", "1.2 GB" (binary units, at most one decimal). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return unit === 0 ? `${Math.round(value)} B` : `${+value.toFixed(1)} ${units[unit]}`
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
