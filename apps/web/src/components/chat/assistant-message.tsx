'use client'

import { applicabilityLabel } from '@policydesk/db/profiles'
import {
  AlertTriangle,
  BadgeCheck,
  Check,
  Copy,
  FileText,
  Loader2,
  RotateCcw,
  SearchX,
  UserRound,
} from 'lucide-react'
import { useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import type { Rating, UiCitation, UiMessage } from '@/lib/shared/chat/types'
import { AnswerText } from './answer-text'
import { AskPerson } from './ask-person'
import { FeedbackControls } from './feedback-controls'

type Props = {
  message: UiMessage
  onCitation: (n: number, trigger: HTMLElement) => void
  onRated: (rating: Rating) => void
  onRetry: () => void
}

const sourceLine = (c: UiCitation) => `[${c.n}] ${[c.title, ...c.headingPath.slice(1)].join(' › ')}`

/** The numbered source buttons under an answer or a person's reply; each opens its passage. */
function CitationChips({
  citations,
  onCitation,
}: {
  citations: UiCitation[]
  onCitation: Props['onCitation']
}) {
  const t = useTranslations('answer')
  if (citations.length === 0) return null
  return (
    <ul aria-label={t('sources')} className="flex flex-wrap gap-2">
      {citations.map((c) => (
        <li key={c.n} className="flex flex-wrap items-center">
          <button
            type="button"
            onClick={(e) => onCitation(c.n, e.currentTarget)}
            className="flex max-w-xs items-center gap-1.5 rounded-full border border-slate-200 bg-white px-2.5 py-1 text-xs text-slate-700 hover:border-indigo-300 hover:bg-indigo-50"
            title={t('openSource', { n: c.n, title: c.title })}
          >
            {/* The visible number and title are the button's name (WCAG 2.5.3, label in name). */}
            <span className="font-semibold text-indigo-700">{c.n}</span>{' '}
            <FileText className="size-3 shrink-0 text-slate-400" aria-hidden />
            <span className="truncate">{c.title}</span>
          </button>
          {applicabilityLabel(c.appliesTo) ? (
            <span
              className="ml-1 inline-block rounded-full bg-amber-100 px-2 py-0.5 text-[11px] text-amber-900"
              data-testid="applies-to"
            >
              {t('appliesTo', { who: applicabilityLabel(c.appliesTo) ?? '' })}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

/** A person's reply to the user's handoff, in the conversation: named, flagged while unread, with its sources. */
function PersonReply({ message, onCitation }: Pick<Props, 'message' | 'onCitation'>) {
  const t = useTranslations('handoff')
  const author = message.handoff?.authorName || t('aPerson')
  return (
    <div className="space-y-2" data-testid="person-reply">
      <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-800">
        <UserRound className="size-4 text-indigo-600" aria-hidden />
        {t('replyFrom', { name: author })}
        {message.handoff?.unread ? (
          <span
            className="rounded-full bg-indigo-600 px-2 py-0.5 text-xs font-semibold text-white"
            data-testid="unread-reply"
          >
            {t('newReply', { name: author })}
          </span>
        ) : null}
      </p>
      <p className="leading-relaxed whitespace-pre-wrap text-slate-900">{message.content}</p>
      <CitationChips citations={message.citations} onCitation={onCitation} />
    </div>
  )
}

/**
 * What the answerer did on the way (read the profile, calculated a date, searched): one line per tool call,
 * folded away so the answer stays first. Summaries only; arguments and results are in the trace.
 */
function ToolSteps({ toolCalls }: { toolCalls: NonNullable<UiMessage['toolCalls']> }) {
  const t = useTranslations('answer')
  return (
    <details className="text-xs text-slate-600" data-testid="answer-tools">
      <summary className="cursor-pointer select-none hover:text-slate-900">
        {t('steps', { count: toolCalls.length })}
      </summary>
      <ol className="mt-1 list-decimal space-y-0.5 pl-5">
        {toolCalls.map((call, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a finished answer's steps never reorder, and two searches may read alike
          <li key={`${i}-${call.name}`}>{call.summary}</li>
        ))}
      </ol>
    </details>
  )
}

export function AssistantMessage({ message, onCitation, onRated, onRetry }: Props) {
  if (message.handoff) return <PersonReply message={message} onCitation={onCitation} />
  return <Answer message={message} onCitation={onCitation} onRated={onRated} onRetry={onRetry} />
}

function Answer({ message, onCitation, onRated, onRetry }: Props) {
  const t = useTranslations('answer')
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    const sources = message.citations.map(sourceLine).join('\n')
    await navigator.clipboard.writeText(
      sources ? `${message.content}\n\nSources:\n${sources}` : message.content,
    )
    setCopied(true)
    setTimeout(() => setCopied(false), 2000)
  }

  if (message.status === 'streaming' && message.content === '') {
    return (
      <div className="flex items-center gap-2 text-sm text-slate-500" data-testid="answer-loading">
        <Loader2 className="size-4 animate-spin" aria-hidden />
        {t('searching')}
      </div>
    )
  }

  if (message.abstained) {
    return (
      <div className="rounded-lg border border-slate-200 bg-slate-50 p-4" data-testid="abstention">
        <div className="mb-1 flex items-center gap-2 font-medium text-slate-800">
          <SearchX className="size-4 text-slate-500" aria-hidden />
          {t('noAnswer')}
        </div>
        <p className="text-sm text-slate-700">{message.content}</p>
        {/rephras/i.test(message.content) ? null : (
          <p className="mt-1 text-sm text-slate-600">{t('tryRephrasing')}</p>
        )}
        {message.toolCalls && message.toolCalls.length > 0 ? (
          <div className="mt-2">
            <ToolSteps toolCalls={message.toolCalls} />
          </div>
        ) : null}
        {message.traceId ? (
          <div className="mt-3 flex flex-wrap items-start gap-2">
            <FeedbackControls traceId={message.traceId} rating={message.rating} onRated={onRated} />
            <AskPerson traceId={message.traceId} proposal={message.handoffProposal} />
          </div>
        ) : null}
      </div>
    )
  }

  return (
    <div className="space-y-3">
      {message.curated ? (
        <p
          className="inline-flex items-center gap-1.5 rounded-full bg-emerald-50 px-2.5 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200 ring-inset"
          data-testid="curated-badge"
        >
          <BadgeCheck className="size-3.5" aria-hidden />
          {t('curated')}
        </p>
      ) : null}
      <div className="leading-relaxed text-slate-900" data-testid="answer-text">
        <AnswerText
          text={message.content}
          citations={message.citations}
          unverified={message.unverified}
          onCitation={onCitation}
        />
        {message.status === 'streaming' ? (
          <span
            className="ml-0.5 inline-block h-4 w-1.5 animate-pulse bg-slate-400 align-middle"
            aria-hidden
          />
        ) : null}
      </div>

      {message.status === 'stopped' ? <p className="text-xs text-slate-500 italic">{t('stopped')}</p> : null}

      {message.status === 'error' ? (
        <div
          role="alert"
          className="flex flex-wrap items-center gap-3 rounded-md bg-red-50 p-3 text-sm text-red-800"
        >
          <AlertTriangle className="size-4" aria-hidden />
          <span className="flex-1">{message.error}</span>
          <Button variant="secondary" size="sm" onClick={onRetry}>
            <RotateCcw aria-hidden /> {t('tryAgain')}
          </Button>
        </div>
      ) : null}

      <CitationChips citations={message.citations} onCitation={onCitation} />

      {message.toolCalls && message.toolCalls.length > 0 ? <ToolSteps toolCalls={message.toolCalls} /> : null}

      {message.status === 'done' && message.traceId ? (
        <div className="flex flex-wrap items-start gap-2">
          <Button variant="ghost" size="icon-sm" aria-label={copied ? t('copied') : t('copy')} onClick={copy}>
            {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          </Button>
          <FeedbackControls traceId={message.traceId} rating={message.rating} onRated={onRated} />
          <AskPerson traceId={message.traceId} proposal={message.handoffProposal} />
        </div>
      ) : null}
    </div>
  )
}
