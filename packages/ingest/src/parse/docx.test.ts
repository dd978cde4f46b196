import { once } from 'node:events'
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib'
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'
import { describe, expect, it } from 'vitest'
import { parseDocx } from './docx'
import { parseDocument } from './index'
import { IngestRejection } from './types'

const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] })

async function policyDocx(): Promise<Buffer> {
  const doc = new Document({
    title: 'Travel & Expenses Policy',
    sections: [
      {
        children: [
          new Paragraph({ text: 'Travel', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('Employees book '),
              new TextRun({ text: 'economy', bold: true }),
              new TextRun(' class for flights under six hours.'),
            ],
          }),
          new Paragraph({ text: 'Per diem rates', heading: HeadingLevel.HEADING_2 }),
          new Table({
            rows: [
              new TableRow({ children: [cell('City'), cell('Rate')] }),
              new TableRow({ children: [cell('Αθήνα'), cell('€80')] }),
              new TableRow({ children: [cell('東京'), cell('¥12,000')] }),
            ],
          }),
          new Paragraph({ text: 'Receipts are required', bullet: { level: 0 } }),
          new Paragraph({ text: 'Scanned copies are fine', bullet: { level: 1 } }),
          new Paragraph({ text: 'Approval', heading: HeadingLevel.HEADING_3 }),
          new Paragraph('Your manager approves every claim.'),
        ],
      },
    ],
  })
  return Packer.toBuffer(doc)
}

type RawEntry = { name: string; data: Buffer; method: 0 | 8; crc: number; size: number }

/**
 * A minimal ZIP writer for archives jszip would not produce: precompressed data and central directory
 * sizes we choose (including false ones).
 */
function buildZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(entry.method, 8)
    local.writeUInt32LE(entry.crc >>> 0, 14)
    local.writeUInt32LE(entry.data.length, 18)
    local.writeUInt32LE(entry.size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(entry.method, 10)
    central.writeUInt32LE(entry.crc >>> 0, 16)
    central.writeUInt32LE(entry.data.length, 20)
    central.writeUInt32LE(entry.size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, entry.data)
    centrals.push(central, name)
    offset += local.length + name.length + entry.data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8)
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

const deflated = (name: string, text: string): RawEntry => {
  const raw = Buffer.from(text, 'utf8')
  return { name, data: deflateRawSync(raw), method: 8, crc: crc32(raw), size: raw.length }
}

const DOCUMENT_XML =
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>'

/**
 * `megabytes` of zeros, DEFLATE-compressed by streaming 1 MB at a time, so a real 200 MB bomb costs
 * about a second and ~200 KB of memory instead of a 200 MB buffer.
 */
async function zeros(name: string, megabytes: number): Promise<RawEntry> {
  const chunk = Buffer.alloc(1024 * 1024)
  const deflate = createDeflateRaw({ level: 9 })
  const parts: Buffer[] = []
  deflate.on('data', (part: Buffer) => parts.push(part))
  let crc = 0
  for (let i = 0; i < megabytes; i++) {
    crc = crc32(chunk, crc)
    if (!deflate.write(chunk)) await once(deflate, 'drain')
  }
  deflate.end()
  await once(deflate, 'end')
  return { name, data: Buffer.concat(parts), method: 8, crc, size: megabytes * 1024 * 1024 }
}

describe('parseDocx', () => {
  it('maps Word headings, tables and lists to blocks and reads the core title', async () => {
    const parsed = await parseDocx(await policyDocx())
    expect(parsed.title).toBe('Travel & Expenses Policy')
    expect(parsed.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Travel' },
      { kind: 'paragraph', text: 'Employees book economy class for flights under six hours.' },
      { kind: 'heading', level: 2, text: 'Per diem rates' },
      { kind: 'table', text: '| City | Rate |\n| --- | --- |\n| Αθήνα | €80 |\n| 東京 | ¥12,000 |' },
      { kind: 'list', text: '- Receipts are required\n  - Scanned copies are fine' },
      { kind: 'heading', level: 3, text: 'Approval' },
      { kind: 'paragraph', text: 'Your manager approves every claim.' },
    ])
  })

  it('falls back to the first Heading 1 when the core title is empty', async () => {
    const doc = new Document({
      sections: [
        { children: [new Paragraph({ text: 'Código de conducta', heading: HeadingLevel.HEADING_1 })] },
      ],
    })
    const parsed = await parseDocx(await Packer.toBuffer(doc))
    expect(parsed.title).toBe('Código de conducta')
  })

  it('rejects a real 200 MB zip bomb from its declared sizes, without inflating it', async () => {
    const bomb = buildZip([
      deflated('word/document.xml', DOCUMENT_XML),
      await zeros('word/media/pad.bin', 200),
    ])
    expect(bomb.length).toBeLessThan(1024 * 1024)
    const started = Date.now()
    await expect(parseDocx(bomb)).rejects.toThrow(/^The DOCX expands to 200 MB \(possible zip bomb\)/)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('rejects a single highly compressed part even when the total is under 100 MB', async () => {
    const bomb = buildZip([
      deflated('word/document.xml', DOCUMENT_XML),
      await zeros('word/embeddings/x.bin', 20),
    ])
    await expect(parseDocx(bomb)).rejects.toThrow(
      /word\/embeddings\/x\.bin is compressed \d+:1 \(possible zip bomb\)/,
    )
  })

  it('rejects a part that inflates to more than its directory entry declares', async () => {
    const liar = { ...(await zeros('word/document.xml', 5)), size: 1000 }
    await expect(parseDocx(buildZip([liar]))).rejects.toThrow(
      /^The DOCX expands to more than its directory declares: word\/document\.xml/,
    )
  })

  it('rejects an archive with more than 10,000 entries', async () => {
    const tiny = Array.from({ length: 10_001 }, (_, i): RawEntry => {
      const data = Buffer.from('x')
      return { name: `word/p${i}.xml`, data, method: 0, crc: crc32(data), size: 1 }
    })
    const zip = buildZip([deflated('word/document.xml', DOCUMENT_XML), ...tiny])
    await expect(parseDocx(zip)).rejects.toThrow(/^The DOCX expands to 10002 files \(possible zip bomb\)/)
  })

  it('rejects a DOCX whose XML is not a Word document as unreadable', async () => {
    const broken = buildZip([deflated('word/document.xml', '<not-closed')])
    await expect(parseDocx(broken)).rejects.toThrow(/^The DOCX could not be read \(corrupt or truncated\)/)
  })

  it('is reached through parseDocument and rejects truncated or encrypted files there', async () => {
    const bytes = await policyDocx()
    const parsed = await parseDocument(bytes, { fileName: 'travel.docx', maxBytes: 10_000_000 })
    expect(parsed.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(parsed.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([
      'Travel',
      'Per diem rates',
      'Approval',
    ])

    const truncated = bytes.subarray(0, Math.floor(bytes.length / 2))
    await expect(parseDocument(truncated, { fileName: 'travel.docx', maxBytes: 10_000_000 })).rejects.toThrow(
      /damaged ZIP\/DOCX archive/,
    )

    // Word saves a password-protected DOCX as an OLE2 container with an "EncryptedPackage" stream.
    const encrypted = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from('EncryptedPackage', 'utf16le'),
      Buffer.alloc(512),
    ])
    const rejection = parseDocument(encrypted, { fileName: 'secret.docx', maxBytes: 10_000_000 })
    await expect(rejection).rejects.toBeInstanceOf(IngestRejection)
    await expect(rejection).rejects.toThrow(
      '"secret.docx" is a password-protected (encrypted) Office document',
    )
  })
})
