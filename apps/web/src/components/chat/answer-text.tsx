'use client'

import type { Element } from 'hast'
import { type ComponentProps, createContext, useContext, useMemo } from 'react'
import type { Components } from 'react-markdown'
import { useTranslations } from 'use-intl'
import { MarkdownText, type RemarkPlugins } from '@/components/markdown/markdown-text'
import type { UiCitation } from '@/lib/shared/chat/types'
import { remarkCitations } from '@/lib/shared/markdown/remark-citations'
import { remarkUnverified } from '@/lib/shared/markdown/remark-unverified'

type Props = {
  text: string
  citations: UiCitation[]
  unverified: string[]
  onCitation: (n: number, trigger: HTMLElement) => void
}

type AnswerContext = {
  byNumber: Map<number, UiCitation>
  onCitation: Props['onCitation']
}
const Answer = createContext<AnswerContext>({ byNumber: new Map(), onCitation: () => {} })

type HastProps<T extends 'sup' | 'span'> = ComponentProps<T> & { node?: Element }

/** `<sup data-citation>` from remarkCitations: a button that opens source n. */
function CitationMarker({ node, children, ...props }: HastProps<'sup'>) {
  const t = useTranslations('answer')
  const { byNumber, onCitation } = useContext(Answer)
  const n = node?.properties.dataCitation
  if (typeof n !== 'number') return <sup {...props}>{children}</sup>
  const citation = byNumber.get(n)
  if (!citation) return <sup className="mx-0.5 text-xs text-slate-500">[{n}]</sup>
  return (
    <button
      type="button"
      onClick={(e) => onCitation(n, e.currentTarget)}
      aria-label={t('citation', { n, title: citation.title })}
      data-testid="citation-marker"
      className="mx-0.5 inline-flex h-5 min-w-5 -translate-y-1 items-center justify-center rounded bg-indigo-100 px-1 align-baseline text-[11px] font-semibold text-indigo-800 hover:bg-indigo-200 focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      {n}
    </button>
  )
}

/** `<span data-unverified>` and its badge from remarkUnverified. */
function UnverifiedSpan({ node, children, ...props }: HastProps<'span'>) {
  const t = useTranslations('answer')
  if (node?.properties.dataUnverifiedBadge) {
    return (
      <span className="mx-1 rounded bg-amber-100 px-1 py-0.5 align-middle text-[10px] font-semibold tracking-wide text-amber-900 uppercase no-underline">
        {t('unverified')}
      </span>
    )
  }
  if (!node?.properties.dataUnverified) return <span {...props}>{children}</span>
  return (
    <span
      data-testid="unverified-sentence"
      title={t('unverifiedTitle')}
      className="rounded-sm bg-amber-50 underline decoration-amber-500 decoration-dotted underline-offset-4"
    >
      {children}
    </span>
  )
}

/** Module-level, so a re-render keeps the citation buttons (and the focus one of them has). */
const COMPONENTS: Components = { sup: CitationMarker, span: UnverifiedSpan }

/**
 * The answer rendered as Markdown (an LLM's lists, bold and tables; the built-in answerer's quoted
 * sentences), with `[n]` markers as buttons that open the source and unsupported claims marked.
 */
export function AnswerText({ text, citations, unverified, onCitation }: Props) {
  const t = useTranslations('answer')
  const context = useMemo(
    () => ({ byNumber: new Map(citations.map((c) => [c.n, c])), onCitation }),
    [citations, onCitation],
  )
  const plugins = useMemo<RemarkPlugins>(
    () => [remarkCitations, [remarkUnverified, { sentences: unverified }]],
    [unverified],
  )
  return (
    <Answer.Provider value={context}>
      <MarkdownText text={text} tableLabel={t('table')} plugins={plugins} components={COMPONENTS} />
    </Answer.Provider>
  )
}
