'use client'

import { useTranslations } from 'use-intl'
import type { PlaygroundResult } from '@/lib/shared/admin/playground-schema'
import { AnswerCard } from './answer-card'
import { ExcludedCard } from './excluded-card'
import { PassagesCard } from './passages-card'

export function PlaygroundResults({ result }: { result: PlaygroundResult }) {
  const t = useTranslations('admin.playground')
  return (
    <div className="space-y-5">
      <p role="status" className="text-sm text-slate-700" data-testid="playground-reader">
        {t.rich('readingAs', {
          reader: result.reader.label,
          groups: result.reader.groups.join(', '),
          retrieve: String(result.timings.retrieveMs),
          answer: String(result.timings.answerMs),
          strong: (chunks) => <span className="font-medium">{chunks}</span>,
        })}
      </p>
      <AnswerCard result={result} />
      <ExcludedCard result={result} />
      <PassagesCard result={result} />
    </div>
  )
}
