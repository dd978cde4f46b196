import './pdf-node-shim'
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf'
import { type OpCodes, readPagePaint, visibleTextItems } from './pdf-hidden'
import { layoutPages } from './pdf-layout'
import {
  checkDecompressedSize,
  checkPageCount,
  defaultPdfLimits,
  type PdfLimits,
  parseDeadline,
} from './pdf-limits'
import { itemsToLines, type PdfLine, type PdfTextItem } from './pdf-lines'
import { type Block, IngestRejection } from './types'

/**
 * PDF → blocks from the text layer, page by page, via unpdf (which bundles its own serverless build of
 * pdf.js 5.6, so it runs on Node 20 without a worker or a canvas). No OCR: a PDF without a text layer is
 * rejected with a clear reason rather than ingested as an empty document. Text nobody can see (white,
 * transparent, tiny, off-page) is dropped (pdf-hidden.ts); size, page and time limits in pdf-limits.ts.
 */

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>
/** pdf.js AnnotationMode.DISABLE */
const ANNOTATIONS_DISABLED = 0

export async function parsePdf(
  bytes: Buffer,
  limits: PdfLimits = defaultPdfLimits,
): Promise<{ title?: string; blocks: Block[]; pageCount: number; hiddenTextDropped: number }> {
  const checkDeadline = parseDeadline(limits)
  await checkDecompressedSize(bytes, limits)
  let pdf: PdfDocument
  try {
    // pdf.js refuses Node Buffers ("provide binary data as Uint8Array") and may transfer the array it
    // is given, so it gets a copy of its own.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 })
  } catch (error) {
    throw rejectionFor(error)
  }
  try {
    checkPageCount(pdf.numPages, limits)
    const { OPS } = await getResolvedPDFJS()
    const pages: PdfLine[][] = []
    let hiddenTextDropped = 0
    for (let number = 1; number <= pdf.numPages; number++) {
      checkDeadline(`page ${number} of ${pdf.numPages}`)
      const page = await pageLines(pdf, number, OPS, () => checkDeadline(`page ${number} of ${pdf.numPages}`))
      pages.push(page.lines)
      hiddenTextDropped += page.hiddenTextDropped
      // pdf.js in Node runs on this thread and chains pages through microtasks, which never let timers
      // run: without a turn per page a 400-page PDF held the worker's event loop for 4.9 s (job-lock
      // renewals, heartbeats and progress all waited). One macrotask turn per page bounds that to a page.
      await yieldToEventLoop()
    }
    const blocks = layoutPages(pages)
    // Checked after layout: a scan with a typed footer ("Page 1 of 3") has no text worth indexing either.
    if (!blocks.some((block) => /\p{L}/u.test(block.text))) {
      throw new IngestRejection(
        hiddenTextDropped > 0
          ? 'All text in the PDF is hidden from readers (white, transparent, tiny or off the page)'
          : 'The PDF has no text layer (it looks scanned); OCR is not supported yet',
      )
    }
    const title = (await metadataTitle(pdf)) ?? firstH1(blocks)
    const result = { blocks, pageCount: pdf.numPages, hiddenTextDropped }
    return title ? { title, ...result } : result
  } catch (error) {
    throw error instanceof IngestRejection ? error : rejectionFor(error)
  } finally {
    await pdf.destroy().catch(() => undefined)
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/** One page's visible lines: text content, minus what the operator list shows nobody can see. */
async function pageLines(
  pdf: PdfDocument,
  number: number,
  OPS: OpCodes,
  checkDeadline: () => void,
): Promise<{ lines: PdfLine[]; hiddenTextDropped: number }> {
  const page = await pdf.getPage(number)
  try {
    const content = await page.getTextContent()
    checkDeadline()
    const items: PdfTextItem[] = []
    for (const item of content.items) {
      // Marked-content delimiters carry no text.
      if (!('str' in item)) continue
      items.push({
        str: item.str,
        transform: item.transform.map(Number),
        width: item.width,
        height: item.height,
        hasEOL: item.hasEOL,
      })
    }
    // Annotations are not text content, so their appearance streams would only shift the glyph order.
    const paint = readPagePaint(await page.getOperatorList({ annotationMode: ANNOTATIONS_DISABLED }), OPS)
    const visible = visibleTextItems(items, paint)
    return { lines: itemsToLines(visible.items), hiddenTextDropped: visible.dropped }
  } finally {
    page.cleanup()
  }
}

/** The Info dictionary's Title, unless it is an export artefact like "Microsoft Word - draft3.docx". */
async function metadataTitle(pdf: PdfDocument): Promise<string | undefined> {
  const { info } = await pdf.getMetadata().catch(() => ({ info: undefined }))
  const title = info && typeof info === 'object' && 'Title' in info ? info.Title : undefined
  if (typeof title !== 'string') return undefined
  const cleaned = title.replace(/\s+/g, ' ').trim()
  if (!cleaned || /^(microsoft (word|powerpoint) - |untitled)|\.(docx?|pdf|indd|pptx?)$/i.test(cleaned))
    return undefined
  return cleaned
}

function firstH1(blocks: Block[]): string | undefined {
  return blocks.find((b) => b.kind === 'heading' && b.level === 1)?.text
}

/** pdf.js signals a missing password with a PasswordException; anything else means unreadable bytes. */
function rejectionFor(error: unknown): IngestRejection {
  const name = error instanceof Error ? error.name : ''
  if (name === 'PasswordException') {
    return new IngestRejection(
      'The PDF is encrypted (password-protected); remove the password and upload it again',
    )
  }
  const message = error instanceof Error ? error.message : String(error)
  return new IngestRejection(`The PDF could not be read (corrupt or truncated): ${message}`)
}
