'use client'

import { ExternalLink } from 'lucide-react'
import { useEffect, useRef } from 'react'
import type { UiCitation } from '@/lib/chat/types'
import { cn } from '@/lib/utils'

/** Splits a passage around the supporting quote (exact match, else whitespace-insensitive). */
export function highlightQuote(passage: string, quote: string): [string, string, string] | null {
  if (!quote) return null
  const at = passage.indexOf(quote)
  if (at !== -1) return [passage.slice(0, at), quote, passage.slice(at + quote.length)]
  const words = quote
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const match = new RegExp(words.join('\\s+')).exec(passage)
  if (!match) return null
  return [passage.slice(0, match.index), match[0], passage.slice(match.index + match[0].length)]
}

function Passage({ citation }: { citation: UiCitation }) {
  const parts = highlightQuote(citation.passage, citation.quote)
  return (
    <blockquote className="rounded-md border-l-4 border-slate-200 bg-slate-50 p-3 text-sm whitespace-pre-line text-slate-700">
      {parts ? (
        <>
          {parts[0]}
          <mark className="rounded-sm bg-yellow-200 px-0.5 text-slate-900" data-testid="citation-quote">
            {parts[1]}
          </mark>
          {parts[2]}
        </>
      ) : (
        citation.passage
      )}
    </blockquote>
  )
}

type Props = { citations: UiCitation[]; selected: number | null }

/** Every source of one answer; the chosen one is scrolled into view and outlined. */
export function CitationList({ citations, selected }: Props) {
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
                <p className="text-xs text-slate-500">
                  {c.versionNo ? `Version ${c.versionNo}` : null}
                  {where ? ` · ${where}` : null}
                  {c.page ? ` · page ${c.page}` : null}
                </p>
              </div>
            </div>
            <Passage citation={c} />
            <a
              href={`/api/documents/${c.documentId}/original?version=${c.versionId}`}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex items-center gap-1 text-sm font-medium text-indigo-700 hover:underline"
            >
              Open the original document
              <ExternalLink className="size-3.5" aria-hidden />
              <span className="sr-only">(opens in a new tab)</span>
            </a>
          </li>
        )
      })}
    </ol>
  )
}
