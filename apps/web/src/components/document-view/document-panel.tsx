'use client'

import { ArrowLeft, ExternalLink } from 'lucide-react'
import dynamic from 'next/dynamic'
import { type RefObject, useEffect, useId, useRef } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import type { UiCitation } from '@/lib/shared/chat/types'
import { DocumentTextView } from './document-text-view'

// pdf.js is ~1 MB: fetched only when a PDF citation is opened.
const PdfPageView = dynamic(() => import('./pdf-page-view').then((m) => m.PdfPageView), { ssr: false })

type Props = {
  citation: UiCitation
  onBack: () => void
  /** Receives focus when the view opens (its heading). */
  headingRef?: RefObject<HTMLHeadingElement | null>
}

/**
 * The cited spot inside its document: a PDF opens at the cited page (pages exist only for PDFs), every
 * other format as its text. Both read through the same access check as the original file.
 */
export function DocumentPanel({ citation, onBack, headingRef }: Props) {
  const t = useTranslations()
  const ownHeading = useRef<HTMLHeadingElement>(null)
  const headingId = useId()
  const heading = headingRef ?? ownHeading
  useEffect(() => {
    heading.current?.focus()
  }, [heading])
  const original = `/api/documents/${citation.documentId}/original?version=${citation.versionId}`
  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="document-panel">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-4 py-2">
        <Button variant="ghost" size="sm" onClick={onBack}>
          <ArrowLeft aria-hidden /> {t('document.back')}
        </Button>
        <a
          href={original}
          target="_blank"
          rel="noopener noreferrer"
          className="ml-auto inline-flex items-center gap-1 text-sm font-medium text-indigo-700 hover:underline"
        >
          {t('sources.openOriginal')}
          <ExternalLink className="size-3.5" aria-hidden />
          <span className="sr-only">{t('common.newTab')}</span>
        </a>
      </div>
      <h3
        id={headingId}
        ref={heading}
        tabIndex={-1}
        className="px-4 pt-3 font-semibold text-slate-900 focus:outline-none"
      >
        {citation.title}
      </h3>
      {/* Focusable, so keyboard users can scroll the document (it may hold no link or button). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section aria-labelledby={headingId} tabIndex={0} className="min-h-0 flex-1 overflow-y-auto">
        {citation.page !== null ? (
          <PdfPageView url={original} title={citation.title} page={citation.page} quote={citation.quote} />
        ) : (
          <DocumentTextView
            documentId={citation.documentId}
            versionId={citation.versionId}
            passageId={citation.chunkId}
            quote={citation.quote}
          />
        )}
      </section>
    </div>
  )
}
