import type { PdfLimits } from './pdf-limits'

/** The structure every parser produces; the chunker only ever sees this, never a file format. */
export type Block =
  | { kind: 'heading'; level: number; text: string; page?: number }
  | { kind: 'paragraph' | 'list' | 'table' | 'code'; text: string; page?: number }

export const supportedMimes = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/markdown',
  'text/html',
  'text/plain',
] as const
export type SupportedMime = (typeof supportedMimes)[number]

export type ParsedDocument = {
  mime: SupportedMime
  /** A title found inside the document (HTML <title>, first H1, DOCX core title), if any. */
  title?: string
  blocks: Block[]
  /** PDFs only. */
  pageCount?: number
  /**
   * Pieces of text hidden from readers that the parser dropped (HTML elements, DOCX runs, PDF text runs):
   * reported with the version so an admin can tell why the index lacks something the file contains.
   */
  hiddenTextDropped?: number
}

export type ParseOptions = {
  /** Only a hint: the type is detected from the bytes; the name breaks ties between text formats. */
  fileName?: string
  maxBytes: number
  /** Page, decompressed-size and time limits for PDFs; defaultPdfLimits when absent. */
  pdf?: PdfLimits
}

/**
 * A permanent, human-readable reason a file cannot be ingested (unsupported, encrypted, corrupt, empty,
 * too large). The version ends `failed` with this message; retrying would not help.
 */
export class IngestRejection extends Error {
  override name = 'IngestRejection'
}
