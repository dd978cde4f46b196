import { PDFDocument, StandardFonts } from 'pdf-lib'
import { getDocumentProxy } from 'unpdf'
const doc = await PDFDocument.create()
const font = await doc.embedFont(StandardFonts.Helvetica)
doc.addPage().drawText('Hello world', { x: 50, y: 700, size: 12, font })
const bytes = Buffer.from(await doc.save({ useObjectStreams: false }))
async function tryIt(label: string, b: Uint8Array) {
  try {
    const pdf = await getDocumentProxy(new Uint8Array(b), { verbosity: 0 })
    const page = await pdf.getPage(1)
    const tc = await page.getTextContent()
    console.log(label, 'ok', pdf.numPages, tc.items.length)
  } catch (e) {
    const err = e as Error & { code?: number }
    console.log(label, 'ERR', err.constructor.name, err.name, err.code, err.message)
  }
}
await tryIt('trunc200', bytes.subarray(0, 200))
await tryIt('trunc60%', bytes.subarray(0, Math.floor(bytes.length * 0.6)))
await tryIt('garbage', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(500, 7)]))
// encrypted: minimal hand-made PDF
const enc = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj
4 0 obj << /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <${'a1'.repeat(32)}> /U <${'b2'.repeat(32)}> >> endobj
trailer << /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<${'c3'.repeat(16)}> <${'c3'.repeat(16)}>] >>
%%EOF
`
await tryIt('encrypted', Buffer.from(enc))
