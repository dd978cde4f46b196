import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { detectType } from './detect-type'
import { parseDocument } from './index'
import { IngestRejection } from './types'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const SUPPORTED = 'supported formats are PDF, DOCX, Markdown, HTML and plain text'

async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip()
  for (const [name, content] of Object.entries(files)) zip.file(name, content)
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

const text = (value: string) => Buffer.from(value, 'utf8')
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0,
])
const OLE2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])

function rejectionOf(run: () => unknown): IngestRejection {
  try {
    run()
  } catch (error) {
    if (error instanceof IngestRejection) return error
    throw error
  }
  throw new Error('expected an IngestRejection')
}

describe('detectType: binary formats', () => {
  it('recognises PDF by its header, not its name', () => {
    expect(detectType(text('%PDF-1.7\n1 0 obj'), 'notes.md')).toBe('application/pdf')
    expect(detectType(Buffer.concat([Buffer.alloc(20, 0x20), text('%PDF-1.4\n')]))).toBe('application/pdf')
  })

  it('accepts a ZIP as DOCX only when it contains word/document.xml', async () => {
    expect(
      detectType(await zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' })),
    ).toBe(DOCX)
    const xlsx = await zipOf({ 'xl/workbook.xml': '<workbook/>' })
    expect(rejectionOf(() => detectType(xlsx, 'budget.docx')).message).toBe(
      'ZIP archives other than DOCX are not supported ("budget.docx" is an Excel workbook)',
    )
    const plain = await zipOf({ 'readme.txt': 'hello' })
    expect(rejectionOf(() => detectType(plain)).message).toBe(
      'ZIP archives other than DOCX are not supported (The file is an archive)',
    )
  })

  it('rejects a damaged ZIP with a clear reason', async () => {
    const zip = await zipOf({ 'word/document.xml': '<w:document/>' })
    expect(rejectionOf(() => detectType(zip.subarray(0, zip.length - 30), 'policy.docx')).message).toMatch(
      /^"policy\.docx" is a damaged ZIP\/DOCX archive and could not be read \(/,
    )
  })

  it('rejects legacy .doc and password-protected Office files (OLE2)', () => {
    expect(rejectionOf(() => detectType(OLE2, 'C:\\Policies\\old.doc')).message).toBe(
      '"old.doc" is a legacy Microsoft Office file (.doc, .xls or .ppt); save it as DOCX or PDF and upload it again',
    )
    const encrypted = Buffer.concat([OLE2, Buffer.from('EncryptedPackage', 'utf16le')])
    expect(rejectionOf(() => detectType(encrypted)).message).toMatch(/password-protected \(encrypted\)/)
  })

  it('rejects images and other binaries whatever their name', () => {
    expect(rejectionOf(() => detectType(PNG, 'photo.md')).message).toBe(
      `"photo.md" looks like a binary file (PNG image); ${SUPPORTED}`,
    )
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0])
    expect(rejectionOf(() => detectType(jpeg, 'scan.txt')).message).toContain('(JPEG image)')
    const unknown = Buffer.from([0x42, 0x00, 0x13, 0x37, 0x00, 0x00])
    expect(rejectionOf(() => detectType(unknown)).message).toBe(
      `The file looks like a binary file (it contains NUL bytes); ${SUPPORTED}`,
    )
    const controls = Buffer.from('\x01\x02\x03\x04 some text\x05\x06')
    expect(rejectionOf(() => detectType(controls)).message).toContain('(it contains control characters)')
    expect(rejectionOf(() => detectType(text('{\\rtf1\\ansi Hello}'))).message).toMatch(/is an RTF document/)
  })

  it('does not mistake text that starts like a magic number for binary', () => {
    expect(detectType(text('ID3 tags are metadata in MP3 files.'))).toBe('text/plain')
    expect(detectType(text('MZ Holdings travel rules'))).toBe('text/plain')
  })
})

describe('detectType: text formats', () => {
  it('detects HTML documents and fragments', () => {
    expect(detectType(text('\n  <!-- saved page -->\n<!DOCTYPE html><html><body>x</body></html>'))).toBe(
      'text/html',
    )
    expect(
      detectType(text('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"></html>')),
    ).toBe('text/html')
    expect(detectType(text('<h1>Policy</h1>\n<p>Text</p>'))).toBe('text/html')
    expect(detectType(text('Exported:\n<body><p>Text</p></body>'))).toBe('text/html')
    expect(detectType(text('Plain words only'), 'page.html')).toBe('text/plain')
  })

  it('detects Markdown by name or by Markdown-only syntax', () => {
    expect(detectType(text('Just a sentence.'), 'notes.md')).toBe('text/markdown')
    expect(detectType(text('<p>Inline HTML in a README</p>\n<div>x</div>'), 'README.markdown')).toBe(
      'text/markdown',
    )
    expect(detectType(text('Intro\n\n## Scope\n\nText'))).toBe('text/markdown')
    expect(detectType(text('| a | b |\n|---|---|\n| 1 | 2 |'))).toBe('text/markdown')
    expect(detectType(text('See [the form](https://x.example/form).'))).toBe('text/markdown')
    expect(detectType(text('```\ncode\n```'))).toBe('text/markdown')
  })

  it('falls back to plain text, including bullet lists and numbered sections', () => {
    expect(detectType(text('1. SCOPE\n\nThis applies.\n\n- one\n- two'), 'policy.txt')).toBe('text/plain')
    expect(detectType(text('Hello'))).toBe('text/plain')
    expect(detectType(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Title', 'utf16le')]))).toBe(
      'text/markdown',
    )
  })
})

describe('parseDocument limits', () => {
  it('rejects a PNG renamed to .md and a 0-byte file before parsing', async () => {
    await expect(parseDocument(PNG, { fileName: 'photo.md', maxBytes: 1000 })).rejects.toThrow(
      '"photo.md" looks like a binary file (PNG image)',
    )
    await expect(parseDocument(Buffer.alloc(0), { fileName: 'empty.pdf', maxBytes: 1000 })).rejects.toThrow(
      new IngestRejection('The file is empty'),
    )
    await expect(parseDocument(text('x'.repeat(2048)), { maxBytes: 1024 })).rejects.toThrow(
      'The file is 2 KB; the limit is 1 KB',
    )
  })
})
