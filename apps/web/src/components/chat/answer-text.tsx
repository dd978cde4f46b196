'use client'

import { Fragment } from 'react'
import { type AnswerSentence, segmentAnswer } from '@/lib/chat/answer-segments'
import type { UiCitation } from '@/lib/chat/types'
import { cn } from '@/lib/utils'

type Props = {
  text: string
  citations: UiCitation[]
  unverified: string[]
  onCitation: (n: number, trigger: HTMLElement) => void
}

/** The answer with `[n]` markers as buttons that open the source, and unsupported claims marked. */
export function AnswerText({ text, citations, unverified, onCitation }: Props) {
  const byNumber = new Map(citations.map((c) => [c.n, c]))
  const flagged = new Set(unverified)
  const lines = segmentAnswer(text)
  const hasBullets = lines.some((l) => l.bullet)
  const renderSentence = (sentence: AnswerSentence) => {
    const content = sentence.pieces.map((piece) => {
      if (piece.type === 'text') return <Fragment key={piece.key}>{piece.text}</Fragment>
      const citation = byNumber.get(piece.n)
      if (!citation) {
        return (
          <sup key={piece.key} className="mx-0.5 text-xs text-slate-400">
            [{piece.n}]
          </sup>
        )
      }
      return (
        <button
          key={piece.key}
          type="button"
          onClick={(e) => onCitation(piece.n, e.currentTarget)}
          aria-label={`Source ${piece.n}: ${citation.title}`}
          data-testid="citation-marker"
          className="mx-0.5 inline-flex h-5 min-w-5 -translate-y-1 items-center justify-center rounded bg-indigo-100 px-1 align-baseline text-[11px] font-semibold text-indigo-800 hover:bg-indigo-200 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {piece.n}
        </button>
      )
    })
    if (!flagged.has(sentence.plain)) return <Fragment key={sentence.key}>{content}</Fragment>
    return (
      <span
        key={sentence.key}
        data-testid="unverified-sentence"
        title="The cited source does not clearly support this sentence"
        className="rounded-sm bg-amber-50 underline decoration-amber-500 decoration-dotted underline-offset-4"
      >
        {content}
        <span className="ml-1 rounded bg-amber-100 px-1 py-0.5 align-middle text-[10px] font-semibold tracking-wide text-amber-900 uppercase no-underline">
          unverified
        </span>{' '}
      </span>
    )
  }
  if (hasBullets) {
    return (
      <ul className="list-disc space-y-1 pl-5">
        {lines.map((line) => (
          <li key={line.key} className={cn(!line.bullet && 'list-none -ml-5')}>
            {line.sentences.map(renderSentence)}
          </li>
        ))}
      </ul>
    )
  }
  return (
    <div className="space-y-2">
      {lines.map((line) => (
        <p key={line.key}>{line.sentences.map(renderSentence)}</p>
      ))}
    </div>
  )
}
