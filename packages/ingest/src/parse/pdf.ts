import { getDocumentProxy } from 'unpdf'
import { layoutPages } from './pdf-layout'
import { itemsToLines, type PdfLine, type PdfTextItem } from './pdf-lines'
import { type Block, IngestRejection } from './types'

/**
 * PDF → blocks from the text layer, page by page, via unpdf (which bundles its own serverless build of
 * pdf.js 5.6, so it runs on Node 20 without a worker or a canvas). No OCR: a PDF without a text layer is
 * rejected with a clear reason rather than ingested as an empty document.
 */

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>

export async function parsePdf(
  bytes: Buffer,
): Promise<{ title?: string; blocks: Block[]; pageCount: number }> {
  let pdf: PdfDocument
  try {
    // pdf.js refuses Node Buffers ("provide binary data as Uint8Array") and may transfer the array it
    // is given, so it gets a copy of its own.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 })
  } catch (error) {
    throw rejectionFor(error)
  }
  try {
    const pages: PdfLine[][] = []
    for (let number = 1; number <= pdf.numPages; number++) pages.push(await pageLines(pdf, number))
    const blocks = layoutPages(pages)
    // Checked after layout: a scan with a typed footer ("Page 1 of 3") has no text worth indexing either.
    if (!blocks.some((block) => /\p{L}/u.test(block.text))) {
      throw new IngestRejection('The PDF has no text layer (it looks scanned); OCR is not supported yet')
    }
    const title = (await metadataTitle(pdf)) ?? firstH1(blocks)
    return title ? { title, blocks, pageCount: pdf.numPages } : { blocks, pageCount: pdf.numPages }
  } catch (error) {
    throw error instanceof IngestRejection ? error : rejectionFor(error)
  } finally {
    await pdf.destroy().catch(() => undefined)
  }
}

async function pageLines(pdf: PdfDocument, number: number): Promise<PdfLine[]> {
  const page = await pdf.getPage(number)
  try {
    const content = await page.getTextContent()
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
    return itemsToLines(items)
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
