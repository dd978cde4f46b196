import JSZip from 'jszip'
import mammoth from 'mammoth'
import { readStyles, removeHiddenRuns } from './docx-hidden'
import { htmlToBlocks } from './html'
import { formatSize } from './size'
import { type Block, IngestRejection } from './types'
import { readEntry, readZipDirectory, type ZipEntry, ZipFormatError } from './zip-entries'

/**
 * DOCX → blocks: after a zip-bomb check, mammoth converts the document to semantic HTML (Word's
 * Heading 1–6 styles become <h1>–<h6> with its default style map) and the shared HTML walker makes
 * the blocks, so DOCX and HTML produce the same structures.
 */

const MAX_TOTAL_UNCOMPRESSED = 100 * 1024 * 1024
const MAX_RATIO = 100
/** High ratios are normal for small XML parts (runs of identical markup); only big ones are suspicious. */
const RATIO_MIN_SIZE = 10 * 1024 * 1024
const MAX_ENTRIES = 10_000
const MAX_CORE_XML = 1024 * 1024

export async function parseDocx(
  bytes: Buffer,
): Promise<{ title?: string; blocks: Block[]; hiddenTextDropped: number }> {
  const entries = checkArchive(bytes)
  let html: string
  let hiddenTextDropped = 0
  try {
    const visible = await withoutHiddenRuns(bytes, entries)
    hiddenTextDropped = visible.dropped
    const result = await mammoth.convertToHtml(
      { buffer: visible.bytes },
      // Images are not indexed; the default converter would base64 every picture into the HTML.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    )
    html = result.value
  } catch (error) {
    throw new IngestRejection(`The DOCX could not be read (corrupt or truncated): ${messageOf(error)}`)
  }
  const parsed = htmlToBlocks(html)
  const title = coreTitle(bytes, entries) ?? parsed.title
  return title
    ? { title, blocks: parsed.blocks, hiddenTextDropped }
    : { blocks: parsed.blocks, hiddenTextDropped }
}

/**
 * The archive with hidden runs cut out of the main document part (docx-hidden.ts); unchanged, and not
 * re-zipped, when there are none. The parts' sizes were verified by checkArchive.
 */
async function withoutHiddenRuns(
  bytes: Buffer,
  entries: ZipEntry[],
): Promise<{ bytes: Buffer; dropped: number }> {
  const read = (name: string) => {
    const entry = entries.find((e) => e.name === name)
    return entry ? readEntry(bytes, entry, entry.uncompressedSize).toString('utf8') : undefined
  }
  const main = mainDocumentPart(read('_rels/.rels'))
  const xml = read(main)
  if (xml === undefined) return { bytes, dropped: 0 }
  const styles = readStyles(read('word/styles.xml') ?? '')
  const visible = removeHiddenRuns(xml, styles)
  if (visible.xml === xml) return { bytes, dropped: 0 }
  const zip = await JSZip.loadAsync(bytes)
  zip.file(main, visible.xml)
  return {
    bytes: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
    dropped: visible.dropped,
  }
}

/** The officeDocument part named in the package relationships (word/document.xml in practice). */
function mainDocumentPart(rels: string | undefined): string {
  for (const [relationship] of rels?.matchAll(/<Relationship\b[^>]*>/g) ?? []) {
    if (!/Type\s*=\s*["'][^"']*\/officeDocument["']/.test(relationship)) continue
    const target = /Target\s*=\s*["']\/?([^"']+)["']/.exec(relationship)?.[1]
    if (target) return target
  }
  return 'word/document.xml'
}

/**
 * Rejects archives that would expand to far more than they weigh, using the sizes the central directory
 * declares, before mammoth (through jszip) inflates anything. Declared sizes can lie, so the parts
 * mammoth will read are then inflated with a hard output cap equal to their declared size.
 */
function checkArchive(bytes: Buffer): ZipEntry[] {
  let entries: ZipEntry[]
  try {
    const directory = readZipDirectory(bytes, MAX_ENTRIES)
    if (directory.entryCount > MAX_ENTRIES) {
      throw new IngestRejection(
        `The DOCX expands to ${directory.entryCount} files (possible zip bomb); the limit is ${MAX_ENTRIES}`,
      )
    }
    entries = directory.entries
  } catch (error) {
    if (error instanceof ZipFormatError) {
      throw new IngestRejection(`The DOCX could not be read (corrupt or truncated): ${error.message}`)
    }
    throw error
  }
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0)
  if (total > MAX_TOTAL_UNCOMPRESSED) {
    throw new IngestRejection(
      `The DOCX expands to ${formatSize(total)} (possible zip bomb); the limit is ${formatSize(MAX_TOTAL_UNCOMPRESSED)}`,
    )
  }
  for (const entry of entries) {
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1)
    if (entry.uncompressedSize > RATIO_MIN_SIZE && ratio > MAX_RATIO) {
      throw new IngestRejection(
        `The DOCX expands to ${formatSize(total)}; ${entry.name} is compressed ${Math.round(ratio)}:1 (possible zip bomb)`,
      )
    }
    if (entry.encrypted)
      throw new IngestRejection('The DOCX is encrypted; remove the password and upload it again')
  }
  for (const entry of entries) if (isReadByMammoth(entry)) verifyDeclaredSize(bytes, entry)
  return entries
}

/** Media are never decoded (images are dropped), so only the XML parts need the honest-size check. */
function isReadByMammoth(entry: ZipEntry): boolean {
  return entry.method === 8 && !entry.name.startsWith('word/media/')
}

function verifyDeclaredSize(bytes: Buffer, entry: ZipEntry): void {
  try {
    readEntry(bytes, entry, entry.uncompressedSize)
  } catch (error) {
    if (error instanceof RangeError) {
      throw new IngestRejection(
        `The DOCX expands to more than its directory declares: ${entry.name} is larger than ${formatSize(entry.uncompressedSize)} (possible zip bomb)`,
      )
    }
    throw new IngestRejection(
      `The DOCX could not be read (corrupt or truncated): ${entry.name}: ${messageOf(error)}`,
    )
  }
}

/** The document title from docProps/core.xml (Word: File → Info → Title), if set. */
function coreTitle(bytes: Buffer, entries: ZipEntry[]): string | undefined {
  const core = entries.find((entry) => entry.name === 'docProps/core.xml')
  if (!core || core.uncompressedSize > MAX_CORE_XML) return undefined
  try {
    const xml = readEntry(bytes, core, core.uncompressedSize).toString('utf8')
    const raw = /<dc:title>([\s\S]*?)<\/dc:title>/.exec(xml)?.[1]
    const title = raw ? decodeXmlEntities(raw).replace(/\s+/g, ' ').trim() : ''
    return title || undefined
  } catch {
    // A broken core.xml only costs us the title; the body text is what matters.
    return undefined
  }
}

function decodeXmlEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10))
    return named[name.toLowerCase()] ?? whole
  })
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
