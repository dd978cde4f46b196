'use client'

import { Lock } from 'lucide-react'
import { useTranslations } from 'use-intl'
import { Card, CardHeader } from '@/components/ui/form-controls'
import type { PlaygroundResult } from '@/lib/shared/admin/playground-schema'

/** Documents the reader's groups may not read that would have matched: titles and ranks, never text. */
export function ExcludedCard({ result }: { result: PlaygroundResult }) {
  const t = useTranslations('admin.playground.excluded')
  return (
    <Card aria-labelledby="pg-excluded">
      <CardHeader title={<span id="pg-excluded">{t('title')}</span>} description={t('description')} />
      {result.excluded.length === 0 ? (
        <p className="p-4 text-sm text-slate-600" data-testid="no-exclusions">
          {t('none')}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="excluded-documents">
          {result.excluded.map((doc) => (
            <li
              key={doc.documentId}
              className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 text-sm"
            >
              <Lock className="size-4 text-slate-400" aria-hidden />
              <span className="font-medium text-slate-900">{doc.title}</span>
              <span className="text-xs text-slate-500">
                {t('detail', {
                  rank: String(doc.bestRank),
                  count: doc.passages,
                  n: String(doc.passages),
                  groups: doc.readableBy.join(', '),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}
