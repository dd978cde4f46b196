import { PDFDocument, StandardFonts } from 'pdf-lib'
import { getDocumentProxy } from 'unpdf'
const doc = await PDFDocument.create()
const font = await doc.embedFont(StandardFonts.Helvetica)
const bold = await doc.embedFont(StandardFonts.HelveticaBold)
const p1 = doc.addPage([595, 842])
p1.drawText('1. Scope', { x: 50, y: 740, size: 11, font: bold })
p1.drawText('Body text', { x: 50, y: 710, size: 11, font })
const pdf = await getDocumentProxy(new Uint8Array(await doc.save()), { verbosity: 0 })
const page = await pdf.getPage(1)
const tc = await page.getTextContent()
const names = [...new Set(tc.items.flatMap((i) => ('fontName' in i ? [i.fontName] : [])))]
for (const n of names) console.log(n, page.commonObjs.has(n))
await page.getOperatorList()
for (const n of names) { const f = page.commonObjs.get(n); console.log(n, f?.name, f?.bold, f?.black, Object.keys(f ?? {}).slice(0, 40)) }
