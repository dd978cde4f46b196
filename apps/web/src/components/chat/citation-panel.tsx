'use client'

import { applicabilityLabel } from '@policydesk/db/profiles'
import { findUntrustedSpans } from '@policydesk/text/untrusted'
import { BookOpen, ExternalLink } from 'lucide-react'
import { useEffect, useRef } from 'react'
import { useTranslations } from 'use-intl'
import { OmittedText } from '@/components/untrusted-text'
import type { UiCitation } from '@/lib/shared/chat/types'
import { cn } from '@/lib/shared/utils'
import { PassageText } from './passage-text'

function Passage({ citation }: { citation: UiCitation }) {
  const t = useTranslations('untrusted')
  // Sentences addressed to an AI were withheld from the answer: shown struck through, never as policy
  // (plain text then: a planted instruction must not get Markdown's help to look like policy).
  const untrusted = findUntrustedSpans(citation.passage)
  return (
    <blockquote className="rounded-md border-l-4 border-slate-200 bg-slate-50 p-3 text-sm text-slate-700">
      {untrusted.length > 0 ? (
        <div className="whitespace-pre-line">
          <OmittedText
            text={citation.passage}
            spans={untrusted}
            omittedLabel={t('omitted')}
            renderText={(part) => part}
          />
        </div>
      ) : (
        <PassageText passage={citation.passage} quote={citation.quote} />
      )}
    </blockquote>
  )
}

type Props = {
  citations: UiCitation[]
  selected: number | null
  /** Opens the cited spot inside the document (the PDF page, or the document text). */
  onShowInDocument?: (citation: UiCitation, trigger: HTMLElement) => void
}

/** Every source of one answer; the chosen one is scrolled into view and outlined. */
export function CitationList({ citations, selected, onShowInDocument }: Props) {
  const t = useTranslations('sources')
  const common = useTranslations('common')
  const refs = useRef(new Map<number, HTMLLIElement>())
  useEffect(() => {
    if (selected !== null) refs.current.get(selected)?.scrollIntoView({ block: 'nearest' })
  }, [selected])
  return (
    <ol className="space-y-4 p-4" data-testid="citation-panel">
      {citations.map((c) => {
        const where = c.headingPath.slice(1).join(' › ')
        return (
          <li
            key={c.n}
            ref={(el) => {
              if (el) refs.current.set(c.n, el)
              else refs.current.delete(c.n)
            }}
            className={cn(
              'space-y-2 rounded-lg border p-3',
              c.n === selected ? 'border-indigo-400 ring-2 ring-indigo-100' : 'border-slate-200',
            )}
            aria-current={c.n === selected ? 'true' : undefined}
          >
            <div className="flex items-start gap-2">
              <span className="mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded bg-indigo-100 text-[11px] font-semibold text-indigo-800">
                {c.n}
              </span>
              <div className="min-w-0">
                <h3 className="font-medium text-slate-900">{c.title}</h3>
                {applicabilityLabel(c.appliesTo) ? (
                  <p className="text-xs text-amber-900">
                    {t('appliesTo', { who: applicabilityLabel(c.appliesTo) ?? '' })}
                  </p>
                ) : null}
                <p className="text-xs text-slate-500">
                  {[
                    c.versionNo ? t('version', { n: c.versionNo }) : null,
                    where || null,
                    c.page ? t('page', { n: c.page }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </div>
            </div>
            <Passage citation={c} />
            <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
              {onShowInDocument ? (
                <button
                  type="button"
                  onClick={(e) => onShowInDocument(c, e.currentTarget)}
                  className="inline-flex items-center gap-1 text-sm font-medium text-indigo-700 hover:underline"
                  data-testid="show-in-document"
                >
                  <BookOpen className="size-3.5" aria-hidden />
                  {t('showInDocument')}
                </button>
              ) : null}
              <a
                href={`/api/documents/${c.documentId}/original?version=${c.versionId}`}
                target="_blank"
                rel="noopener noreferrer"
                className="inline-flex items-center gap-1 text-sm font-medium text-indigo-700 hover:underline"
              >
                {t('openOriginal')}
                <ExternalLink className="size-3.5" aria-hidden />
                <span className="sr-only">{common('newTab')}</span>
              </a>
            </div>
          </li>
        )
      })}
    </ol>
  )
}
