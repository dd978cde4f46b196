/** Display helpers shared by the review pages (server and client). */

export const formatPercent = (value: number | null, digits = 0): string =>
  value === null ? '–' : `${(value * 100).toFixed(digits)} %`

export const formatMs = (value: number | null | undefined): string => {
  if (value === null || value === undefined) return '–'
  return value >= 1000 ? `${(value / 1000).toFixed(value >= 10_000 ? 0 : 1)} s` : `${Math.round(value)} ms`
}

export const formatUsd = (value: number): string =>
  value === 0 ? '$0' : value < 0.01 ? `$${value.toFixed(4)}` : `$${value.toFixed(2)}`

export const formatInt = (value: number): string => new Intl.NumberFormat('en-US').format(value)

export const formatScore = (value: number | null | undefined, digits = 4): string =>
  value === null || value === undefined ? '–' : value.toFixed(digits)

/** "2026-11-26 14:03 UTC": absolute, unambiguous, the same on server and client (no hydration drift). */
export const formatDateTime = (value: Date | string): string => {
  const d = typeof value === 'string' ? new Date(value) : value
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}
