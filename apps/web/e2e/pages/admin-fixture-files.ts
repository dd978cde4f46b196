import { AlignmentType, Document, HeadingLevel, Packer, Paragraph } from 'docx'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import type { FilePayload } from './admin-upload-page'

/** Small, distinctive policies generated in the test, so answers can only come from them. */

function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}

export async function policyPdf(
  name: string,
  title: string,
  sections: [string, string][],
): Promise<FilePayload> {
  const pdf = await PDFDocument.create()
  pdf.setTitle(title)
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold)
  const regular = await pdf.embedFont(StandardFonts.Helvetica)
  const page = pdf.addPage([595, 842])
  let y = 780
  page.drawText(title, { x: 56, y, size: 20, font: bold })
  y -= 40
  for (const [heading, body] of sections) {
    page.drawText(heading, { x: 56, y, size: 14, font: bold })
    y -= 22
    for (const line of wrap(body, 85)) {
      page.drawText(line, { x: 56, y, size: 11, font: regular })
      y -= 16
    }
    y -= 14
  }
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(await pdf.save()) }
}

export async function policyDocx(
  name: string,
  title: string,
  sections: [string, string][],
): Promise<FilePayload> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.HEADING_1, alignment: AlignmentType.LEFT }),
          ...sections.flatMap(([heading, body]) => [
            new Paragraph({ text: heading, heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: body }),
          ]),
        ],
      },
    ],
  })
  return {
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: await Packer.toBuffer(doc),
  }
}

/** A PDF header followed by garbage: passes type detection, fails parsing in the worker. */
export function truncatedPdf(name: string): FilePayload {
  const junk = Buffer.alloc(4096)
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 251
  return { name, mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), junk]) }
}

/** Random-looking bytes named .pdf: refused at upload, detected from the bytes. */
export function randomBytesPdf(name: string): FilePayload {
  const bytes = Buffer.alloc(2048)
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + 7) % 256
  return { name, mimeType: 'application/pdf', buffer: bytes }
}
