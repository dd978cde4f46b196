'use client'

import { useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/form-controls'
import { FlaggedText, UntrustedBadge, untrustedReasonLabels } from '@/components/untrusted-text'
import type { PlaygroundResult } from '@/lib/shared/admin/playground-schema'
import { formatPages, formatScore } from '@/lib/shared/format'
import { cn } from '@/lib/shared/utils'

/** The top of the list is what matters; the long tail is one click away. */
const FIRST_PASSAGES = 10

export function PassagesCard({ result }: { result: PlaygroundResult }) {
  const t = useTranslations('admin.playground.passages')
  const untrusted = useTranslations('untrusted')
  const reasonLabels = untrustedReasonLabels((key) => untrusted(`reasons.${key}`))
  const [showAll, setShowAll] = useState(false)
  const shown = showAll ? result.passages : result.passages.slice(0, FIRST_PASSAGES)
  const hidden = result.passages.length - shown.length
  return (
    <Card aria-labelledby="pg-passages">
      <CardHeader
        title={<span id="pg-passages">{t('title')}</span>}
        description={t('description', { n: String(result.passages.length) })}
      />
      {result.passages.length === 0 ? (
        <p className="p-4 text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('caption')}</caption>
            <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  #
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('passage')}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t('vector')}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t('text')}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t('fused')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('used')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr
                  key={p.chunkId}
                  className={cn('border-t border-slate-100 align-top', p.inContext && 'bg-indigo-50/40')}
                  data-testid="playground-passage"
                >
                  <td className="px-3 py-2 font-mono text-slate-700">{p.rank}</td>
                  <td className="max-w-xl px-3 py-2">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium text-slate-900" data-testid="passage-title">
                        {p.title}
                      </span>
                      <UntrustedBadge
                        count={p.untrusted.length}
                        label={untrusted('badge', { count: p.untrusted.length })}
                        title={untrusted('badgeTitle')}
                      />
                    </div>
                    <div className="text-xs text-slate-500">
                      {[
                        p.headingPath.slice(1).join(' › ') || t('noHeading'),
                        formatPages(p.pageStart, p.pageEnd),
                        t('tokens', { n: String(p.tokenCount) }),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                    {/* Flagged passages open by themselves: the admin should see what was withheld. */}
                    <details className="mt-1" open={p.untrusted.length > 0}>
                      <summary className="cursor-pointer text-xs text-indigo-700">{t('passageText')}</summary>
                      <p className="mt-1 text-xs whitespace-pre-line text-slate-700">
                        <FlaggedText text={p.text} spans={p.untrusted} reasonLabels={reasonLabels} />
                      </p>
                    </details>
                  </td>
                  <td className="px-3 py-2 text-right text-xs whitespace-nowrap tabular-nums">
                    {formatScore(p.vectorScore, 3)}
                    <div className="text-slate-500">
                      {p.vectorRank !== null ? t('rank', { n: String(p.vectorRank) }) : t('notRanked')}
                    </div>
                  </td>
                  <td className="px-3 py-2 text-right text-xs whitespace-nowrap tabular-nums">
                    {formatScore(p.textScore, 3)}
                    <div className="text-slate-500">
                      {p.textRank !== null ? t('rank', { n: String(p.textRank) }) : t('notRanked')}
                    </div>
                  </td>
                  <td className="px-3 py-2 text-right text-xs tabular-nums">
                    {formatScore(p.fusedScore, 4)}
                  </td>
                  <td className="px-3 py-2 text-xs whitespace-nowrap">
                    {p.inContext ? (
                      <span className="rounded bg-indigo-100 px-1.5 py-0.5 text-indigo-800">
                        {t('context')}
                      </span>
                    ) : null}
                    {p.cited ? (
                      <span className="ml-1 rounded bg-emerald-100 px-1.5 py-0.5 text-emerald-800">
                        {t('cited')}
                      </span>
                    ) : null}
                    {!p.inContext ? <span className="text-slate-400">–</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {hidden > 0 || showAll ? (
            <div className="border-t border-slate-100 px-4 py-2">
              <Button variant="ghost" size="sm" onClick={() => setShowAll(!showAll)} aria-expanded={showAll}>
                {showAll
                  ? t('showTop', { n: String(FIRST_PASSAGES) })
                  : t('showAll', { n: String(result.passages.length) })}
              </Button>
            </div>
          ) : null}
        </div>
      )}
    </Card>
  )
}
