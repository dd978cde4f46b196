'use client'

import type { schema } from '@policydesk/db'
import { useTranslations } from 'use-intl'
import { cn } from '@/lib/shared/utils'
import { Badge } from './ui'

/**
 * Each answer sentence with its citations, support score and whether the validator accepted it. A client
 * component so the server-rendered answer detail and the queue can share it (its props are plain data).
 */
export function AnswerSentences({
  validation,
  citations,
}: {
  validation: schema.TraceValidation
  citations: schema.TraceCitation[]
}) {
  const t = useTranslations('review.sentences')
  const known = new Map(citations.map((c) => [c.n, c]))
  const invalid = new Set(validation.invalidCitations)
  return (
    <ol className="divide-y divide-slate-100" data-testid="answer-sentences">
      {validation.sentences.map((s, i) => (
        <li
          // Sentences are positional and never reordered.
          // biome-ignore lint/suspicious/noArrayIndexKey: positional list
          key={i}
          className={cn('flex gap-3 px-4 py-2.5', s.claim && !s.supported ? 'bg-red-50/60' : null)}
          data-testid="answer-sentence"
        >
          <div className="min-w-0 flex-1">
            <p className="text-sm text-slate-900">
              {s.text}{' '}
              {s.citations.map((n) => (
                <span
                  key={n}
                  title={invalid.has(n) ? t('notGiven') : known.get(n)?.title}
                  className={cn(
                    'mx-0.5 inline-flex rounded px-1 font-mono text-xs',
                    invalid.has(n) ? 'bg-red-100 text-red-800 line-through' : 'bg-indigo-50 text-indigo-700',
                  )}
                >
                  [{n}]{invalid.has(n) ? <span className="sr-only"> {t('invalid')}</span> : null}
                </span>
              ))}
            </p>
          </div>
          <div className="flex w-52 shrink-0 items-center justify-end gap-2">
            {s.claim ? (
              <>
                <div className="h-1.5 w-16 overflow-hidden rounded-full bg-slate-200" aria-hidden>
                  <div
                    className={cn('h-full', s.supported ? 'bg-emerald-500' : 'bg-red-500')}
                    style={{ width: `${Math.round(s.support * 100)}%` }}
                  />
                </div>
                <span className="w-10 text-right font-mono text-xs text-slate-600 tabular-nums">
                  <span className="sr-only">{t('support')} </span>
                  {s.support.toFixed(2)}
                </span>
                {s.supported ? (
                  <Badge tone="emerald">{t('supported')}</Badge>
                ) : (
                  <Badge tone="red">{t('unsupported')}</Badge>
                )}
              </>
            ) : (
              <Badge>{t('notAClaim')}</Badge>
            )}
          </div>
        </li>
      ))}
    </ol>
  )
}
