import { formatBytes } from '@/lib/shared/format'
/**
 * What an upload must look like, checked twice with the same rules: in the browser (instant feedback, no
 * wasted transfer) and on the server (the browser can be bypassed). The server additionally detects the
 * real type from the bytes. Pure: no Node or browser APIs.
 */

export type FileFamily = 'pdf' | 'docx' | 'text'

/** Accepted file name extensions and the format family each promises. */
export const ACCEPTED_EXTENSIONS: Record<string, FileFamily> = {
  pdf: 'pdf',
  docx: 'docx',
  md: 'text',
  markdown: 'text',
  html: 'text',
  htm: 'text',
  txt: 'text',
}

/** For `<input accept>`: extensions plus the MIME types browsers report for them. */
export const ACCEPT_ATTRIBUTE = [
  ...Object.keys(ACCEPTED_EXTENSIONS).map((ext) => `.${ext}`),
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/markdown',
  'text/html',
  'text/plain',
].join(',')

/** MIME types a browser or script may declare for each family (an empty type is allowed: browsers often send none). */
const FAMILY_MIMES: Record<FileFamily, readonly string[]> = {
  pdf: ['application/pdf', 'application/x-pdf'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  text: ['text/markdown', 'text/x-markdown', 'text/html', 'application/xhtml+xml', 'text/plain'],
}

/** Generic types that say nothing about the content: `curl -F file=@x` sends octet-stream. */
const UNINFORMATIVE_MIMES = new Set(['', 'application/octet-stream', 'binary/octet-stream'])

export const SUPPORTED_FORMATS_TEXT = 'PDF, DOCX, Markdown, HTML or plain text'

export function fileExtension(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : ''
}

export function familyOfFileName(fileName: string): FileFamily | null {
  return ACCEPTED_EXTENSIONS[fileExtension(fileName)] ?? null
}

/** The family a detected (or declared) MIME type belongs to, or null if none. */
export function familyOfMime(mime: string): FileFamily | null {
  const bare = mime.split(';')[0]?.trim().toLowerCase() ?? ''
  for (const [family, mimes] of Object.entries(FAMILY_MIMES) as [FileFamily, readonly string[]][]) {
    if (mimes.includes(bare)) return family
  }
  return null
}

export type FileFacts = { name: string; size: number; type: string }

/**
 * Name, size and declared type: the checks possible before reading the bytes. Returns the reason the file
 * is refused, or null when it may be sent.
 */
export function checkFileFacts(file: FileFacts, maxBytes: number): string | null {
  const family = familyOfFileName(file.name)
  if (!family) {
    const ext = fileExtension(file.name)
    return `${ext ? `.${ext} files are` : 'Files without an extension are'} not supported; upload ${SUPPORTED_FORMATS_TEXT}`
  }
  if (file.size === 0) return 'The file is empty'
  if (file.size > maxBytes)
    return `The file is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}`
  const declared = file.type.split(';')[0]?.trim().toLowerCase() ?? ''
  if (!UNINFORMATIVE_MIMES.has(declared) && familyOfMime(declared) !== family) {
    return `The file is named .${fileExtension(file.name)} but its type is ${declared}`
  }
  return null
}

const FAMILY_LABEL: Record<FileFamily, string> = { pdf: 'a PDF', docx: 'a DOCX document', text: 'text' }

/** After detection from the bytes: the content must be what the extension promised. */
export function checkDetectedFamily(fileName: string, detectedMime: string): string | null {
  const expected = familyOfFileName(fileName)
  const actual = familyOfMime(detectedMime)
  if (!expected || !actual || expected === actual) return null
  return `The file is named .${fileExtension(fileName)} but its content is ${FAMILY_LABEL[actual]}`
}

/** "expenses_and-travel v2.pdf" → "Expenses And Travel V2" (the server's default, mirrored for the form). */
export function titleFromFileName(fileName: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.[^.]+$/, '')
  const words = base
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
  if (words.length === 0) return 'Document'
  return words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join(' ')
}
