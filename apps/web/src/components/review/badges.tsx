import type { schema } from '@policydesk/db'
import { ThumbsDown, ThumbsUp } from 'lucide-react'
import { Badge, type BadgeTone } from './ui'

const verdictTone: Record<schema.ReviewVerdict, BadgeTone> = {
  approved: 'emerald',
  corrected: 'amber',
  rejected: 'red',
}
const verdictText: Record<schema.ReviewVerdict, string> = {
  approved: 'Approved',
  corrected: 'Corrected',
  rejected: 'Rejected',
}

export function VerdictBadge({ verdict }: { verdict: schema.ReviewVerdict | null }) {
  if (!verdict) return <span className="text-xs text-slate-400">Not reviewed</span>
  return <Badge tone={verdictTone[verdict]}>{verdictText[verdict]}</Badge>
}

export function RatingMark({ rating }: { rating: 'up' | 'down' | null }) {
  if (rating === 'up')
    return (
      <span className="inline-flex items-center gap-1 text-xs text-emerald-700">
        <ThumbsUp className="size-4" aria-hidden />
        <span>Helpful</span>
      </span>
    )
  if (rating === 'down')
    return (
      <span className="inline-flex items-center gap-1 text-xs font-medium text-red-700">
        <ThumbsDown className="size-4" aria-hidden />
        <span>Not helpful</span>
      </span>
    )
  return <span className="text-xs text-slate-400">No rating</span>
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
  const curated = flags.model === 'curated'
  return (
    <span className="flex flex-wrap gap-1">
      {flags.abstained ? <Badge tone="sky">Abstained</Badge> : null}
      {flags.validationFailed ? <Badge tone="red">Validation failed</Badge> : null}
      {flags.lowScore && !curated ? <Badge tone="amber">Low score</Badge> : null}
      {curated ? <Badge tone="indigo">Curated</Badge> : null}
      {flags.cached ? <Badge>Cached</Badge> : null}
    </span>
  )
}
