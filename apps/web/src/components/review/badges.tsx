'use client'

import type { schema } from '@policydesk/db'
import { ThumbsDown, ThumbsUp } from 'lucide-react'
import { useTranslations } from 'use-intl'
import { Badge, type BadgeTone } from './ui'

const verdictTone: Record<schema.ReviewVerdict, BadgeTone> = {
  approved: 'emerald',
  corrected: 'amber',
  rejected: 'red',
}

// A client component so that server pages and the client review panel share it (props are plain data).
export function VerdictBadge({ verdict }: { verdict: schema.ReviewVerdict | null }) {
  const t = useTranslations('review.verdict')
  if (!verdict) return <span className="text-xs text-slate-500">{t('none')}</span>
  return <Badge tone={verdictTone[verdict]}>{t(verdict)}</Badge>
}

export function RatingMark({ rating }: { rating: 'up' | 'down' | null }) {
  const t = useTranslations('review.rating')
  if (rating === 'up')
    return (
      <span className="inline-flex items-center gap-1 text-xs text-emerald-700">
        <ThumbsUp className="size-4" aria-hidden />
        <span>{t('up')}</span>
      </span>
    )
  if (rating === 'down')
    return (
      <span className="inline-flex items-center gap-1 text-xs font-medium text-red-700">
        <ThumbsDown className="size-4" aria-hidden />
        <span>{t('down')}</span>
      </span>
    )
  return <span className="text-xs text-slate-500">{t('none')}</span>
}

export type AnswerFlags = {
  abstained: boolean
  cached: boolean
  model: string
  validationFailed: boolean
  lowScore: boolean
}

/** What is notable about an answer, as badges (abstained, validation failed, low score, cached, curated). */
export function FlagBadges({ flags }: { flags: AnswerFlags }) {
  const t = useTranslations('review.flags')
  const curated = flags.model === 'curated'
  return (
    <span className="flex flex-wrap gap-1">
      {flags.abstained ? <Badge tone="sky">{t('abstained')}</Badge> : null}
      {flags.validationFailed ? <Badge tone="red">{t('validationFailed')}</Badge> : null}
      {flags.lowScore && !curated ? <Badge tone="amber">{t('lowScore')}</Badge> : null}
      {curated ? <Badge tone="indigo">{t('curated')}</Badge> : null}
      {flags.cached ? <Badge>{t('cached')}</Badge> : null}
    </span>
  )
}
