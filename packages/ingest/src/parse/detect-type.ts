import { decodeText, isValidUtf8, sniffEncoding } from './text-decode'
import { IngestRejection, type SupportedMime } from './types'
import { isZip, readZipDirectory, ZipFormatError } from './zip-entries'

/**
 * Decides the format from the bytes. The file name is only a tie-breaker between text formats: a PNG
 * renamed to .md is still a PNG, but a text file named .md is Markdown even if it has no headings.
 */

const SUPPORTED = 'supported formats are PDF, DOCX, Markdown, HTML and plain text'
const SNIFF_BYTES = 8192
/** Enough text to classify; decoding a whole 50 MB file just to pick a parser would be wasteful. */
const CLASSIFY_BYTES = 64 * 1024

type Signature = { label: string; matches: (bytes: Buffer) => boolean }

const startsWith =
  (magic: string | number[], at = 0) =>
  (bytes: Buffer): boolean => {
    const expected = typeof magic === 'string' ? Buffer.from(magic, 'latin1') : Buffer.from(magic)
    return bytes.length >= at + expected.length && bytes.subarray(at, at + expected.length).equals(expected)
  }

const BINARY_SIGNATURES: Signature[] = [
  { label: 'PNG image', matches: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { label: 'JPEG image', matches: startsWith([0xff, 0xd8, 0xff]) },
  { label: 'GIF image', matches: (b) => startsWith('GIF87a')(b) || startsWith('GIF89a')(b) },
  { label: 'WebP image', matches: (b) => startsWith('RIFF')(b) && startsWith('WEBP', 8)(b) },
  { label: 'TIFF image', matches: (b) => startsWith('II*\0')(b) || startsWith('MM\0*')(b) },
  { label: 'HEIC image', matches: (b) => startsWith('ftypheic', 4)(b) || startsWith('ftypmif1', 4)(b) },
  { label: 'MP4/QuickTime video', matches: startsWith('ftyp', 4) },
  { label: 'MP3 audio', matches: startsWith('ID3') },
  { label: 'gzip archive', matches: startsWith([0x1f, 0x8b]) },
  { label: '7-Zip archive', matches: startsWith([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) },
  { label: 'RAR archive', matches: startsWith('Rar!\x1a\x07') },
  { label: 'Windows executable', matches: startsWith('MZ') },
  { label: 'ELF executable', matches: startsWith('\x7fELF') },
  { label: 'SQLite database', matches: startsWith('SQLite format 3\0') },
]

const OLE2_MAGIC = startsWith([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

export function detectType(bytes: Buffer, fileName?: string): SupportedMime {
  const label = fileName ? `"${baseName(fileName)}"` : 'The file'
  if (isPdf(bytes)) return 'application/pdf'
  if (isZip(bytes)) return detectZipType(bytes, label)
  if (OLE2_MAGIC(bytes)) throw new IngestRejection(describeOle2(bytes, label))
  if (startsWith('{\\rtf')(bytes)) {
    throw new IngestRejection(`${label} is an RTF document; save it as DOCX or PDF and upload it again`)
  }
  const binaryReason = binarySampleReason(bytes)
  if (binaryReason) {
    // Magic numbers only name the format; a text file that happens to begin with "ID3" or "MZ" is text.
    const what = BINARY_SIGNATURES.find((s) => s.matches(bytes))?.label ?? binaryReason
    throw new IngestRejection(`${label} looks like a binary file (${what}); ${SUPPORTED}`)
  }
  const unicode =
    sniffEncoding(bytes) !== undefined ||
    isValidUtf8(bytes.subarray(0, SNIFF_BYTES), bytes.length > SNIFF_BYTES)
  if (!unicode && !looksWesternEuropean(bytes)) {
    throw new IngestRejection(
      `${label} is not UTF-8 text (it looks like a legacy 8-bit encoding); save it as UTF-8 and upload it again`,
    )
  }
  return detectTextType(decodeText(bytes.subarray(0, CLASSIFY_BYTES)), fileName)
}

/**
 * Invalid UTF-8 without control characters is legacy 8-bit text. Windows-1252 text (what decodeText
 * falls back to) is mostly ASCII with a few accented letters; when most bytes are high, it is some
 * other code page (Cyrillic, Greek…) that would decode to mojibake, so it is refused instead.
 */
function looksWesternEuropean(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, SNIFF_BYTES)
  let high = 0
  for (const byte of sample) if (byte >= 0x80) high++
  return high / sample.length <= 0.3
}

/** pdf.js accepts a header anywhere in the first KB (some producers prepend junk), so we do too. */
function isPdf(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 1024)
  const at = head.indexOf('%PDF-')
  return at === 0 || (at > 0 && /\d/.test(String.fromCharCode(head[at + 5] ?? 0)))
}

function detectZipType(bytes: Buffer, label: string): SupportedMime {
  let names: string[]
  try {
    // Listing reads headers only (no inflating); even a 50 MB archive of tiny entries lists quickly.
    // Entry-count and size limits are docx.ts's job, so an oversized DOCX gets the zip-bomb message.
    names = readZipDirectory(bytes).entries.map((e) => e.name)
  } catch (error) {
    if (!(error instanceof ZipFormatError)) throw error
    throw new IngestRejection(
      `${label} is a damaged ZIP/DOCX archive and could not be read (${error.message})`,
    )
  }
  if (names.includes('word/document.xml')) {
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  }
  const kind = names.includes('xl/workbook.xml')
    ? 'an Excel workbook'
    : names.includes('ppt/presentation.xml')
      ? 'a PowerPoint presentation'
      : names.includes('mimetype') && names.includes('content.xml')
        ? 'an OpenDocument file'
        : names.length === 0
          ? 'an empty archive'
          : 'an archive'
  throw new IngestRejection(`ZIP archives other than DOCX are not supported (${label} is ${kind})`)
}

/** OLE2 is the pre-2007 Office container, and also what Office wraps a password-protected DOCX in. */
function describeOle2(bytes: Buffer, label: string): string {
  if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
    return `${label} is a password-protected (encrypted) Office document; remove the password and upload it again`
  }
  return `${label} is a legacy Microsoft Office file (.doc, .xls or .ppt); save it as DOCX or PDF and upload it again`
}

/** Why the first 8 KB do not look like text, or undefined if they do. */
function binarySampleReason(bytes: Buffer): string | undefined {
  const sample = bytes.subarray(0, SNIFF_BYTES)
  // UTF-16 is full of NUL bytes by design; with a BOM it is text.
  if (sniffEncoding(sample)) return undefined
  if (sample.includes(0)) return 'it contains NUL bytes'
  let control = 0
  for (const byte of sample) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) || byte === 0x7f) {
      control++
    }
  }
  if (control / sample.length > 0.02) return 'it contains control characters'
  return undefined
}

const MARKDOWN_NAME = /\.(md|markdown|mdown|mkd)$/i
const HTML_NAME = /\.(html?|xhtml)$/i

export function detectTextType(text: string, fileName?: string): SupportedMime {
  if (startsLikeHtml(text)) return 'text/html'
  if (fileName && MARKDOWN_NAME.test(fileName)) return 'text/markdown'
  if (fileName && HTML_NAME.test(fileName)) return /<[a-z!]/i.test(text) ? 'text/html' : 'text/plain'
  if (hasHtmlStructure(text)) return 'text/html'
  if (hasMarkdownStructure(text)) return 'text/markdown'
  return 'text/plain'
}

function startsLikeHtml(text: string): boolean {
  let rest = text.trimStart()
  // Skip leading comments and an XML declaration (XHTML) before looking at the first real tag.
  for (;;) {
    if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->')
      if (end < 0) return false
      rest = rest.slice(end + 3).trimStart()
    } else if (rest.startsWith('<?xml')) {
      const end = rest.indexOf('?>')
      if (end < 0) return false
      rest = rest.slice(end + 2).trimStart()
    } else break
  }
  return /^<!doctype\s+html/i.test(rest) || /^<(html|head|body)[\s>]/i.test(rest)
}

/** An HTML fragment (no <html>): begins with a tag and has several block elements, or has a <body>. */
function hasHtmlStructure(text: string): boolean {
  if (/<body[\s>]/i.test(text)) return true
  if (!text.trimStart().startsWith('<')) return false
  const blockTags = text.match(/<(p|div|h[1-6]|ul|ol|li|table|section|article|main)[\s>]/gi) ?? []
  return blockTags.length >= 2
}

/**
 * Markdown-only syntax. Bullet lists alone do not count: plain-text policies use "- " bullets too, and
 * the plain-text parser handles them (plus ALL CAPS / numbered section titles Markdown would miss).
 */
function hasMarkdownStructure(text: string): boolean {
  return (
    /^ {0,3}#{1,6}[ \t]+\S/m.test(text) ||
    /^ {0,3}(```|~~~)/m.test(text) ||
    /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|[ \t|:-]*$/m.test(text) ||
    /!?\[[^\]\n]+\]\([^)\s]+\)/.test(text) ||
    /\*\*[^*\n]+\*\*/.test(text)
  )
}

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() || fileName
}
