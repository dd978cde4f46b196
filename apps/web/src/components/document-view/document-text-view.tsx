'use client'

import { Loader2 } from 'lucide-react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslations } from 'use-intl'
import type { DocumentTextResponse } from '@/app/api/documents/[id]/text/schema'
import { PassageText } from '@/components/chat/passage-text'
import { MarkdownText } from '@/components/markdown/markdown-text'
import { callApi } from '@/lib/client/api-client'
import { readingSections } from '@/lib/shared/documents/reading-sections'
import { cn } from '@/lib/shared/utils'

type Props = { documentId: string; versionId: string; passageId: string; quote: string }

const HEADING_CLASS = ['text-lg', 'text-base', 'text-sm'] as const
const HEADING_TAGS = ['h4', 'h5', 'h6'] as const

/** A DOCX, HTML, Markdown or text document as readable text, scrolled to the cited passage (highlighted). */
export function DocumentTextView({ documentId, versionId, passageId, quote }: Props) {
  const t = useTranslations()
  const [data, setData] = useState<DocumentTextResponse | null>(null)
  const [failed, setFailed] = useState(false)
  const citedRef = useRef<HTMLElement>(null)

  useEffect(() => {
    const controller = new AbortController()
    callApi<DocumentTextResponse>(`/api/documents/${documentId}/text?version=${versionId}`, {
      signal: controller.signal,
    })
      .then((result) => (result.ok ? setData(result.data) : setFailed(true)))
      .catch(() => !controller.signal.aborted && setFailed(true))
    return () => controller.abort()
  }, [documentId, versionId])

  const sections = useMemo(
    () => (data ? readingSections(data.document.passages, passageId) : []),
    [data, passageId],
  )
  useEffect(() => {
    if (sections.length > 0) citedRef.current?.scrollIntoView({ block: 'start' })
  }, [sections])

  if (failed)
    return (
      <p role="alert" className="p-4 text-sm text-red-700">
        {t('document.failed')}
      </p>
    )
  if (!data) {
    return (
      <p className="flex items-center gap-2 p-4 text-sm text-slate-500" role="status">
        <Loader2 className="size-4 animate-spin" aria-hidden /> {t('document.loading')}
      </p>
    )
  }
  return (
    <article
      className="space-y-2 p-4 text-sm leading-relaxed text-slate-800"
      data-testid="document-text-view"
    >
      {sections.map((section) => {
        const cited = section.passageId === passageId
        return (
          <section
            key={section.passageId}
            ref={cited ? citedRef : undefined}
            data-cited={cited || undefined}
            aria-label={cited ? t('document.citedPassage') : undefined}
            className={cn(
              'scroll-mt-4',
              cited && '-mx-2 rounded-md bg-indigo-50 px-2 py-1 ring-2 ring-indigo-300',
            )}
          >
            {section.headings.map((h) => {
              // The panel's own heading is an h3: the document's levels start below it.
              const Heading = HEADING_TAGS[Math.min(h.level, HEADING_TAGS.length) - 1] ?? 'h6'
              return (
                <Heading
                  key={`${h.level}-${h.text}`}
                  className={cn('mt-4 font-semibold text-slate-900', HEADING_CLASS[Math.min(h.level, 3) - 1])}
                >
                  {h.text}
                </Heading>
              )
            })}
            {cited ? (
              <PassageText passage={section.text} quote={quote} />
            ) : (
              <MarkdownText text={section.text} tableLabel={t('answer.table')} />
            )}
          </section>
        )
      })}
    </article>
  )
}
