'use client'

import { useTranslations } from 'use-intl'
import { formatMs } from '@/lib/shared/format'

const STAGE_ORDER = [
  'rewrite',
  'curated',
  'cache',
  'embed',
  'retrieve',
  'ttft',
  'generate',
  'validate',
  'log',
] as const
const isKnownStage = (stage: string): stage is (typeof STAGE_ORDER)[number] =>
  (STAGE_ORDER as readonly string[]).includes(stage)

/**
 * Time per pipeline stage as bars relative to the total (first token is a point within generation). A
 * client component so server-rendered pages share it (its props are plain data).
 */
export function LatencyBars({ latency, totalMs }: { latency: Record<string, number>; totalMs: number }) {
  const t = useTranslations('review.latency')
  const stages: string[] = [
    ...STAGE_ORDER.filter((s) => s in latency),
    ...Object.keys(latency).filter((s) => !isKnownStage(s) && s !== 'total'),
  ]
  const total = Math.max(totalMs, 1)
  return (
    <dl className="space-y-1.5 text-xs" data-testid="latency">
      {stages.map((stage) => {
        const ms = latency[stage] ?? 0
        return (
          <div key={stage} className="grid grid-cols-[7.5rem_1fr_4rem] items-center gap-2">
            <dt className="text-slate-600">{isKnownStage(stage) ? t(`stages.${stage}`) : stage}</dt>
            <dd className="h-2 overflow-hidden rounded-full bg-slate-100">
              <div
                className={stage === 'ttft' ? 'h-full bg-amber-400' : 'h-full bg-indigo-500'}
                style={{ width: `${Math.min(100, (ms / total) * 100)}%` }}
              />
            </dd>
            <dd className="text-right font-mono text-slate-700 tabular-nums">{formatMs(ms)}</dd>
          </div>
        )
      })}
      <div className="grid grid-cols-[7.5rem_1fr_4rem] items-center gap-2 border-t border-slate-100 pt-1.5 font-medium">
        <dt className="text-slate-800">{t('total')}</dt>
        <dd />
        <dd className="text-right font-mono text-slate-900 tabular-nums">{formatMs(totalMs)}</dd>
      </div>
    </dl>
  )
}
