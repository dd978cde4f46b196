/**
 * Removes inline Markdown markup that would pollute indexed text ("**25 days**" should be searchable
 * and quotable as "25 days"). Code spans are kept verbatim minus their backticks; backslash escapes are
 * honoured, so "\*" stays a literal asterisk.
 */

// Escaped punctuation is parked in the Private Use Area while markup is stripped, then restored.
const PARK_BASE = 0xe000
const park = (char: string) => String.fromCharCode(PARK_BASE + char.charCodeAt(0))
const PARKED = /[\uE000-\uE07F]/g

const CODE_SPAN = /(`+)([\s\S]*?[^`])\1(?!`)/g

export type InlineOptions = {
  /** Inside table rows an escaped pipe must stay escaped, or it would split the cell. */
  keepEscapedPipes?: boolean
}

export function stripInline(text: string, options: InlineOptions = {}): string {
  const unpark = (parked: string) => {
    const char = String.fromCharCode(parked.charCodeAt(0) - PARK_BASE)
    return options.keepEscapedPipes && char === '|' ? '\\|' : char
  }
  let result = ''
  let last = 0
  for (const match of text.matchAll(CODE_SPAN)) {
    result += stripMarks(text.slice(last, match.index))
    // CommonMark drops one leading and trailing space of a padded code span.
    result += (match[2] ?? '').replace(/^ (.*) $/s, '$1')
    last = match.index + match[0].length
  }
  result += stripMarks(text.slice(last))
  return result.replace(PARKED, unpark)
}

function stripMarks(text: string): string {
  return (
    text
      .replace(/\\([!-/:-@[-`{-~])/g, (_, char: string) => park(char))
      // Images first so that a linked image "[![alt](img)](url)" reduces to its alt text.
      .replace(/!\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\)/g, '$1')
      .replace(/\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, '')
      .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '$1')
      .replace(/(^|[^\p{L}\p{N}_])__(?=\S)([\s\S]*?\S)__(?![\p{L}\p{N}_])/gu, '$1$2')
      .replace(/\*([^\s*](?:[^*]*?[^\s*])?)\*/g, '$1')
      .replace(/(^|[^\p{L}\p{N}_])_([^\s_](?:[^_]*?[^\s_])?)_(?![\p{L}\p{N}_])/gu, '$1$2')
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
  )
}
