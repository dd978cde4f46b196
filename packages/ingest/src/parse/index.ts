import { detectType } from './detect-type'
import { parseMarkdown } from './markdown'
import { formatSize } from './size'
import { parseText } from './text'
import { decodeText } from './text-decode'
import {
  type Block,
  IngestRejection,
  type ParsedDocument,
  type ParseOptions,
  type SupportedMime,
} from './types'

export { detectType } from './detect-type'
export { defaultPdfLimits, type PdfLimits } from './pdf-limits'
export type { Block, ParsedDocument, ParseOptions, SupportedMime } from './types'
export { IngestRejection, supportedMimes } from './types'

type Parsed = { title?: string; blocks: Block[]; pageCount?: number; hiddenTextDropped?: number }

/**
 * Bytes → blocks for any supported format. Every failure a user could fix (empty, too big, wrong
 * format, encrypted, corrupt, scanned) is an IngestRejection with a readable reason.
 */
export async function parseDocument(bytes: Buffer, options: ParseOptions): Promise<ParsedDocument> {
  if (bytes.length === 0) throw new IngestRejection('The file is empty')
  if (bytes.length > options.maxBytes) {
    throw new IngestRejection(
      `The file is ${formatSize(bytes.length)}; the limit is ${formatSize(options.maxBytes)}`,
    )
  }
  const mime = detectType(bytes, options.fileName)
  const parsed = await parseAs(mime, bytes, options)
  const blocks = parsed.blocks.map(cleanBlock).filter((block) => block.text.trim() !== '')
  if (!blocks.some((block) => /\p{L}/u.test(block.text))) {
    throw new IngestRejection('The document contains no extractable text')
  }
  const title = parsed.title ? cleanInline(parsed.title) : ''
  return {
    mime,
    ...(title ? { title } : {}),
    blocks,
    ...(parsed.pageCount !== undefined ? { pageCount: parsed.pageCount } : {}),
    hiddenTextDropped: parsed.hiddenTextDropped ?? 0,
  }
}

/**
 * The PDF, DOCX and HTML parsers (pdf.js, mammoth + JSZip, domino) load on first use: every importer of
 * @policydesk/ingest (e.g. `policydesk ask`, which only needs the embedder) would otherwise pay for them.
 */
async function parseAs(mime: SupportedMime, bytes: Buffer, options: ParseOptions): Promise<Parsed> {
  switch (mime) {
    case 'application/pdf':
      return (await import('./pdf')).parsePdf(bytes, options.pdf)
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      return (await import('./docx')).parseDocx(bytes)
    case 'text/html':
      return (await import('./html')).htmlToBlocks(decodeText(bytes))
    case 'text/markdown':
      return parseMarkdown(decodeText(bytes))
    case 'text/plain':
      return parseText(decodeText(bytes))
  }
}

// Invisible characters that break search and token matching: soft hyphens, zero-width spaces/joiners,
// word joiners and stray BOMs.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g
// Typographic ligatures from PDF text layers ("ﬁ" in "beneﬁts").
const LIGATURES: Record<string, string> = { ﬀ: 'ff', ﬁ: 'fi', ﬂ: 'fl', ﬃ: 'ffi', ﬄ: 'ffl', ﬅ: 'st', ﬆ: 'st' }

function normalise(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/[\uFB00-\uFB06]/g, (char) => LIGATURES[char] ?? char)
}

function cleanInline(text: string): string {
  return normalise(text).replace(/\s+/g, ' ').trim()
}

/** Headings and paragraphs are single-line text; lists, tables and code keep their line structure. */
function cleanBlock(block: Block): Block {
  if (block.kind === 'heading' || block.kind === 'paragraph') {
    return {
      ...block,
      text:
        block.kind === 'paragraph' && block.text.includes('\n')
          ? cleanLines(block.text)
          : cleanInline(block.text),
    }
  }
  return { ...block, text: cleanLines(block.text) }
}

function cleanLines(text: string): string {
  return normalise(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00A0]+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
}
