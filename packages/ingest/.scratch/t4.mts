import { Document, Packer, Paragraph, HeadingLevel, Table, TableRow, TableCell, TextRun } from 'docx'
import mammoth from 'mammoth'
import JSZip from 'jszip'
const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] })
const doc = new Document({
  title: 'Travel Policy',
  sections: [{ children: [
    new Paragraph({ text: 'Travel Policy', heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ children: [new TextRun('Employees must book '), new TextRun({ text: 'economy', bold: true }), new TextRun(' class.')] }),
    new Paragraph({ text: 'Per diem', heading: HeadingLevel.HEADING_2 }),
    new Table({ rows: [new TableRow({ children: [cell('City'), cell('Rate')] }), new TableRow({ children: [cell('Αθήνα'), cell('€80')] })] }),
    new Paragraph({ text: 'Item one', bullet: { level: 0 } }),
    new Paragraph({ text: 'Item nested', bullet: { level: 1 } }),
  ] }],
})
const buf = await Packer.toBuffer(doc)
const r = await mammoth.convertToHtml({ buffer: buf })
console.log(r.value); console.log(r.messages)
const zip = await JSZip.loadAsync(buf)
console.log(Object.keys(zip.files))
console.log(await zip.file('docProps/core.xml')?.async('string'))
const f = zip.file('word/document.xml')
console.log(Object.keys(f ?? {}), (f as any)._data)
