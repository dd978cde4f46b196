import { constants, createInflate } from 'node:zlib'
import { formatSize } from './size'
import { IngestRejection } from './types'

/**
 * Resource limits for PDFs (docs/security.md, "Ingestion limits"). A few kilobytes of Flate data can expand
 * to gigabytes, and pdf.js would allocate all of it while reading the page; a document with tens of
 * thousands of pages, or one that takes minutes to lay out, would hold a worker for as long. Each limit
 * rejects the file with a message naming the setting that decides it.
 */
export type PdfLimits = {
  /** INGEST_PDF_MAX_PAGES */
  maxPages: number
  /** INGEST_PDF_MAX_DECOMPRESSED_MB, in bytes: all Flate streams together, fonts and images included. */
  maxDecompressedBytes: number
  /** INGEST_PARSE_TIMEOUT_MS: wall time for the whole PDF (text and paint of every page). */
  timeoutMs: number
}

export const defaultPdfLimits: PdfLimits = {
  maxPages: 2000,
  maxDecompressedBytes: 512 * 1024 * 1024,
  timeoutMs: 120_000,
}

export function checkPageCount(pages: number, limits: PdfLimits): void {
  if (pages > limits.maxPages) {
    throw new IngestRejection(
      `The PDF has ${pages} pages; the limit is ${limits.maxPages} (INGEST_PDF_MAX_PAGES)`,
    )
  }
}

/** A deadline checked between the steps of parsing (pdf.js blocks the event loop while it works on a page). */
export function parseDeadline(limits: PdfLimits, now: () => number = () => performance.now()) {
  const end = now() + limits.timeoutMs
  return (where: string) => {
    if (now() > end) {
      throw new IngestRejection(
        `Parsing the PDF took longer than ${limits.timeoutMs / 1000} s (INGEST_PARSE_TIMEOUT_MS); stopped at ${where}`,
      )
    }
  }
}

// A stream keyword (not the end of "endstream") and its end-of-line; the data follows.
const STREAM_START = /(?<!end)stream(?:\r\n|\n|\r)/g
const FLATE_FIRST = /\/Filter\s*(?:\[\s*)?\/(?:FlateDecode|Fl)\b/

/**
 * Inflates every Flate stream of the file, counting bytes without keeping them, and rejects the file as soon
 * as the total passes the limit. Streams that do not inflate (encrypted, other filters first, damaged) are
 * left to pdf.js, which reports them in its own way.
 */
export async function checkDecompressedSize(bytes: Buffer, limits: PdfLimits): Promise<void> {
  const text = bytes.toString('latin1')
  let total = 0
  for (const match of text.matchAll(STREAM_START)) {
    const objectStart = text.lastIndexOf(' obj', match.index)
    const dictionary = text.slice(Math.max(objectStart, match.index - 4096), match.index)
    if (!FLATE_FIRST.test(dictionary)) continue
    const start = match.index + match[0].length
    const end = text.indexOf('endstream', start)
    if (end === -1) break
    total += await inflatedSize(bytes.subarray(start, end), limits.maxDecompressedBytes - total)
    if (total > limits.maxDecompressedBytes) {
      throw new IngestRejection(
        `The PDF expands to more than ${formatSize(limits.maxDecompressedBytes)} when decompressed (possible PDF bomb); the limit is ${formatSize(limits.maxDecompressedBytes)} (INGEST_PDF_MAX_DECOMPRESSED_MB)`,
      )
    }
  }
}

/** Bytes the stream inflates to, stopping once past `budget` (memory stays at zlib's chunk size). */
function inflatedSize(data: Buffer, budget: number): Promise<number> {
  return new Promise((resolve) => {
    // Z_SYNC_FLUSH: a stream cut short by a damaged file still reports what it produced.
    const inflate = createInflate({ finishFlush: constants.Z_SYNC_FLUSH })
    let size = 0
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > budget) {
        inflate.destroy()
        resolve(size)
      }
    })
    inflate.on('end', () => resolve(size))
    inflate.on('error', () => resolve(size))
    inflate.end(data)
  })
}
