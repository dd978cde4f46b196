'use client'

import { ChevronLeft, ChevronRight, Loader2 } from 'lucide-react'
import type { PDFDocumentProxy } from 'pdfjs-dist'
import { useEffect, useRef, useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { type PdfBox, type PdfTextItem, pdfQuoteBoxes } from '@/lib/shared/documents/pdf-quote-boxes'

type Props = { url: string; title: string; page: number; quote: string }

/** A quoted table row (`| EUR 2,500.01 to 10,000 | Your department head |`) reads as cells, not pipes. */
const readableQuote = (quote: string) =>
  quote
    .replace(/^\s*\|\s*|\s*\|\s*$/g, '')
    .split(/\s*\|\s*/)
    .join(' — ')
type Rect = { left: number; top: number; width: number; height: number }

/**
 * pdf.js, loaded only when a PDF citation is opened. The worker is bundled by Next from pdfjs-dist
 * (`new Worker(new URL(…, import.meta.url))`) and served from this app: no CDN.
 */
async function loadPdfJs() {
  const pdfjs = await import('pdfjs-dist')
  if (!pdfjs.GlobalWorkerOptions.workerPort) {
    pdfjs.GlobalWorkerOptions.workerPort = new Worker(
      new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url),
      { type: 'module' },
    )
  }
  return pdfjs
}

/** The cited page of a PDF, drawn to fit the panel, with the quoted sentence highlighted. */
export function PdfPageView({ url, title, page: citedPage, quote }: Props) {
  const t = useTranslations('document')
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const frameRef = useRef<HTMLDivElement>(null)
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null)
  const [failed, setFailed] = useState(false)
  const [page, setPage] = useState(citedPage)
  const [rects, setRects] = useState<Rect[] | null>(null)

  useEffect(() => {
    let cancelled = false
    let loaded: PDFDocumentProxy | null = null
    loadPdfJs()
      .then((pdfjs) => pdfjs.getDocument({ url }).promise)
      .then((doc) => {
        loaded = doc
        if (cancelled) void doc.destroy()
        else setPdf(doc)
      })
      .catch(() => !cancelled && setFailed(true))
    return () => {
      cancelled = true
      void loaded?.destroy()
    }
  }, [url])

  useEffect(() => {
    const canvas = canvasRef.current
    const frame = frameRef.current
    if (!pdf || !canvas || !frame) return
    let cancelled = false
    setRects(null)
    const draw = async () => {
      const pdfPage = await pdf.getPage(page)
      const scale = frame.clientWidth / pdfPage.getViewport({ scale: 1 }).width
      const viewport = pdfPage.getViewport({ scale })
      const ratio = window.devicePixelRatio || 1
      canvas.width = Math.floor(viewport.width * ratio)
      canvas.height = Math.floor(viewport.height * ratio)
      canvas.style.width = `${viewport.width}px`
      canvas.style.height = `${viewport.height}px`
      await pdfPage.render({
        canvas,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      }).promise
      const content = await pdfPage.getTextContent()
      const items: PdfTextItem[] = content.items.flatMap((item) => ('str' in item ? [item] : []))
      const boxes = page === citedPage ? pdfQuoteBoxes(items, quote) : []
      if (cancelled) return
      setRects(
        boxes.map((box: PdfBox) => {
          const [x1, y1, x2, y2] = viewport.convertToViewportRectangle(box) as number[]
          return {
            left: Math.min(x1 ?? 0, x2 ?? 0),
            top: Math.min(y1 ?? 0, y2 ?? 0),
            width: Math.abs((x2 ?? 0) - (x1 ?? 0)),
            height: Math.abs((y2 ?? 0) - (y1 ?? 0)),
          }
        }),
      )
    }
    draw().catch(() => !cancelled && setFailed(true))
    return () => {
      cancelled = true
    }
  }, [pdf, page, citedPage, quote])

  // Bring the highlight into view once it is drawn.
  useEffect(() => {
    if (rects?.length)
      frameRef.current?.querySelector('[data-testid="pdf-highlight"]')?.scrollIntoView({ block: 'center' })
  }, [rects])

  if (failed)
    return (
      <p role="alert" className="p-4 text-sm text-red-700">
        {t('failed')}
      </p>
    )
  const pages = pdf?.numPages ?? 0
  return (
    <figure className="space-y-3 p-4" data-testid="pdf-view" data-page={page}>
      <div className="flex items-center justify-between gap-2 text-sm text-slate-600">
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={t('previousPage')}
          disabled={page <= 1}
          onClick={() => setPage((p) => p - 1)}
        >
          <ChevronLeft aria-hidden />
        </Button>
        <span aria-live="polite">{pages ? t('pageOf', { page, pages }) : t('loading')}</span>
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={t('nextPage')}
          disabled={!pages || page >= pages}
          onClick={() => setPage((p) => p + 1)}
        >
          <ChevronRight aria-hidden />
        </Button>
      </div>
      <div
        ref={frameRef}
        className="relative w-full overflow-hidden rounded-md bg-white shadow ring-1 ring-slate-200"
      >
        {!pdf ? (
          <div className="flex h-64 items-center justify-center gap-2 text-sm text-slate-500">
            <Loader2 className="size-4 animate-spin" aria-hidden /> {t('loading')}
          </div>
        ) : null}
        <canvas ref={canvasRef} role="img" aria-label={t('pdfPage', { page, title })} className="block" />
        {rects?.map((r) => (
          <span
            key={`${r.left}-${r.top}`}
            data-testid="pdf-highlight"
            aria-hidden
            className="pointer-events-none absolute rounded-sm bg-yellow-300/50 mix-blend-multiply"
            style={{ left: r.left, top: r.top, width: r.width, height: r.height }}
          />
        ))}
      </div>
      <figcaption className="text-sm text-slate-700">
        {page === citedPage && rects !== null && rects.length === 0 ? (
          <span className="block text-slate-500">{t('quoteNotFound')}</span>
        ) : null}
        {page === citedPage ? (
          <>
            <span className="font-medium">{t('citedPassage')}: </span>
            <q>{readableQuote(quote)}</q>
          </>
        ) : null}
      </figcaption>
    </figure>
  )
}
