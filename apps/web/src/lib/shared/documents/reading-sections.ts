import type { DocumentTextPassage } from '@policydesk/db'

/** A heading to print before a section, at its depth in the document (1 = top level). */
export type SectionHeading = { level: number; text: string }

/** A run of the document's text as the reader sees it: new headings, then the text, once. */
export type ReadingSection = {
  /** The passage this text came from; the cited section is the one whose id was cited. */
  passageId: string
  headings: SectionHeading[]
  text: string
  pageStart: number | null
}

/**
 * Lays stored passages out as readable text. Passages overlap (the chunker repeats a sentence or two), so
 * each character is shown once: every passage keeps what the ones before did not show. The cited passage is
 * kept whole (the text before it stops where it starts), so its quote is inside the section that is
 * highlighted. Headings print where a passage's heading path leaves the previous one's.
 */
export function readingSections(passages: DocumentTextPassage[], citedId: string | null): ReadingSection[] {
  const cited = passages.find((p) => p.id === citedId)
  const sections: ReadingSection[] = []
  let shown = 0
  let path: string[] = []
  for (const passage of passages) {
    const isCited = passage === cited
    const start = isCited ? passage.charStart : Math.max(passage.charStart, shown)
    const before = cited && !isCited && passage.ordinal < cited.ordinal
    const end = before ? Math.min(passage.charEnd, cited.charStart) : passage.charEnd
    const text =
      end > start ? passage.text.slice(start - passage.charStart, end - passage.charStart).trim() : ''
    shown = Math.max(shown, end)
    if (!text && !isCited) continue
    const common = passage.headingPath.findIndex((heading, i) => path[i] !== heading)
    const from = common === -1 ? passage.headingPath.length : common
    sections.push({
      passageId: passage.id,
      headings: passage.headingPath.slice(from).map((heading, i) => ({ level: from + i + 1, text: heading })),
      text,
      pageStart: passage.pageStart,
    })
    path = passage.headingPath
  }
  return sections
}
