/**
 * PII scrubbing for training data: e-mail addresses, phone numbers, the names of people in the users table
 * and configurable patterns are replaced by placeholders, and every replacement is counted for the stats.
 * The same scrubber runs over every message (sources, question, answer), so a quoted e-mail address is
 * replaced consistently in the passage and in the answer that cites it.
 */

export type PiiCounts = { email: number; phone: number; name: number; custom: number }

export type PiiScrubber = {
  scrub: (text: string) => string
  /** Replacements made so far, by kind. */
  counts: PiiCounts
}

export const PII_PLACEHOLDERS = {
  email: '[EMAIL]',
  phone: '[PHONE]',
  name: '[NAME]',
  custom: '[REDACTED]',
} as const

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g
/** A run of digits with phone-like separators; `looksLikePhone` then rejects dates and amounts. */
const PHONE_CANDIDATE = /(?<![\w+])(?:\+ ?)?\(?\d[\d ().-]{6,}\d(?![\w])/g

export function looksLikePhone(match: string): boolean {
  const digits = match.replace(/\D/g, '').length
  if (digits < 8 || digits > 15) return false
  if (/^\d{4}-\d{2}-\d{2}$/.test(match)) return false // ISO date
  if (/^\d{1,3}(?:[ .,]\d{3})+$/.test(match)) return false // 1 000 000 / 1.000.000
  if (/^\d+(?:\.\d+)?$/.test(match)) return false // a plain number
  if (match.startsWith('+') || match.startsWith('(')) return true
  return digits >= 9 && /[ .-]/.test(match)
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Multi-word names match case-insensitively with any whitespace between the parts; a one-word name only
 * matches with its exact capitalisation (and at least 3 letters), so "Mark" the person does not eat "mark"
 * the verb. First names alone are not scrubbed: too many of them are ordinary words ("Employee").
 */
function namePatterns(names: string[]): RegExp[] {
  const multi: string[] = []
  const single: string[] = []
  for (const raw of names) {
    const parts = raw.trim().split(/\s+/).filter(Boolean)
    if (parts.length >= 2) multi.push(parts.map(escapeRegExp).join('\\s+'))
    else if (parts[0] && parts[0].length >= 3) single.push(escapeRegExp(parts[0]))
  }
  const wrap = (alternatives: string[], flags: string) =>
    new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${alternatives.sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])`,
      flags,
    )
  return [
    ...(multi.length > 0 ? [wrap(multi, 'giu')] : []),
    ...(single.length > 0 ? [wrap(single, 'gu')] : []),
  ]
}

export function createPiiScrubber(options: { names?: string[]; patterns?: string[] } = {}): PiiScrubber {
  const counts: PiiCounts = { email: 0, phone: 0, name: 0, custom: 0 }
  const custom = (options.patterns ?? []).map((source) => new RegExp(source, 'g'))
  const names = namePatterns(options.names ?? [])
  const replace = (text: string, pattern: RegExp, kind: keyof PiiCounts, accept?: (m: string) => boolean) =>
    text.replace(pattern, (match) => {
      if (accept && !accept(match)) return match
      counts[kind]++
      return PII_PLACEHOLDERS[kind]
    })
  return {
    counts,
    scrub: (text) => {
      let out = replace(text, EMAIL, 'email')
      for (const pattern of custom) out = replace(out, pattern, 'custom')
      out = replace(out, PHONE_CANDIDATE, 'phone', looksLikePhone)
      for (const pattern of names) out = replace(out, pattern, 'name')
      return out
    },
  }
}
