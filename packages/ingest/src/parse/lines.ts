/** Small text helpers shared by the parsers that rebuild paragraphs from hard-wrapped lines. */

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * Joins the lines of one paragraph. A line ending in "letter-" followed by a lowercase letter is joined
 * without a space but keeps its hyphen: we cannot tell "hyphen-ated" (typesetting) from "well-known"
 * (a real compound), and dropping a real hyphen is worse than keeping a typesetting one.
 */
export function joinWrappedLines(lines: readonly string[]): string {
  let text = ''
  for (const raw of lines) {
    const line = collapseWhitespace(raw)
    if (!line) continue
    if (!text) text = line
    else if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line)) text += line
    else text += ` ${line}`
  }
  return text
}

/** Bullet characters seen in plain text and PDF text layers, normalised to Markdown's "- ". */
export const BULLET_PATTERN = /^([-*+•◦▪▫‣⁃∙·●○■□–—])\s+/u

/** "1." "1)" "a)" "(iv)" style item numbers. */
export const NUMBERED_ITEM_PATTERN = /^(\(?\d{1,3}[.)]|\(?[a-z][.)]|\([ivx]{1,5}\))\s+/u
