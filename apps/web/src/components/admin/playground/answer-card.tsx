'use client'

import { Check, CircleAlert } from 'lucide-react'
import { useTranslations } from 'use-intl'
import { Card, CardHeader } from '@/components/ui/form-controls'
import type { PlaygroundResult } from '@/lib/shared/admin/playground-schema'
import { formatScore } from '@/lib/shared/format'
import { cn } from '@/lib/shared/utils'

/** The built-in answer for this reader, sentence by sentence as the validator judged it. */
export function AnswerCard({ result }: { result: PlaygroundResult }) {
  const t = useTranslations('admin.playground.answer')
  const { answer } = result
  const { validation } = answer
  return (
    <Card aria-labelledby="pg-answer">
      <CardHeader
        title={<span id="pg-answer">{t('title')}</span>}
        description={t('description', { model: answer.model })}
        actions={
          <div className="flex flex-wrap gap-1.5 text-xs">
            {answer.abstained ? (
              <span className="rounded-full bg-slate-200 px-2 py-0.5 text-slate-700">{t('abstained')}</span>
            ) : (
              <span
                className={cn(
                  'rounded-full px-2 py-0.5',
                  validation.valid ? 'bg-emerald-100 text-emerald-800' : 'bg-red-100 text-red-800',
                )}
              >
                {validation.valid ? t('valid') : t('notValid')}
              </span>
            )}
            <span className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-700">
              {t('supported', { percent: String(Math.round(validation.supportedSentenceRate * 100)) })}
            </span>
            {answer.curated ? (
              <span className="rounded-full bg-violet-100 px-2 py-0.5 text-violet-800">{t('curated')}</span>
            ) : null}
          </div>
        }
      />
      <div className="space-y-3 p-4">
        <p className="text-sm whitespace-pre-line text-slate-900" data-testid="playground-answer">
          {answer.text}
        </p>
        {validation.sentences.length > 0 ? (
          <ol className="space-y-1.5" aria-label={t('sentences')}>
            {validation.sentences.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a result's sentences never reorder; texts may repeat
              <li key={i} className="flex gap-2 text-sm">
                {s.supported ? (
                  <Check
                    className="mt-0.5 size-4 shrink-0 text-emerald-600"
                    aria-label={t('sentenceSupported')}
                  />
                ) : (
                  <CircleAlert
                    className="mt-0.5 size-4 shrink-0 text-amber-600"
                    aria-label={t('sentenceNotSupported')}
                  />
                )}
                <span className="text-slate-800">
                  {s.text}{' '}
                  <span className="text-xs text-slate-500">
                    {s.claim ? t('support', { score: formatScore(s.support, 2) }) : t('notAClaim')}
                    {' · '}
                    {s.citations.length > 0
                      ? t('cites', { list: s.citations.map((n) => `[${n}]`).join(' ') })
                      : t('noCitation')}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        ) : null}
        {validation.invalidCitations.length > 0 ? (
          <p className="text-sm text-red-700">
            {t('invalidCitations', { list: validation.invalidCitations.map((n) => `[${n}]`).join(' ') })}
          </p>
        ) : null}
        {answer.citations.length > 0 ? (
          <ul className="space-y-0.5 text-xs text-slate-600" aria-label={t('citations')}>
            {answer.citations.map((c) => (
              <li key={c.n}>
                [{c.n}] {c.title}
                {c.headingPath.length > 1 ? ` › ${c.headingPath.slice(1).join(' › ')}` : ''}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </Card>
  )
}
