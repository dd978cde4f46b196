import { Sparkles } from 'lucide-react'
import Link from 'next/link'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import type { PanelReview } from '@/lib/shared/review/panel-props'
import { Alert, Badge } from '../ui'

/** Why a review can (not) be promoted: the key of its hint in `review.panel.promote.hints`. */
export type PromoteHint = 'saveFirst' | 'rejected' | 'abstention' | 'needsSource' | 'ready'

/** Whether a saved review can become a curated answer, and the hint that says why (not). */
export function promotability(
  saved: PanelReview | null,
  answer: { abstained: boolean; citedCount: number },
): { promotable: boolean; hint: PromoteHint } {
  const promotable =
    saved !== null &&
    (saved.verdict === 'corrected'
      ? saved.citedChunkIds.length > 0
      : saved.verdict === 'approved' && !answer.abstained && answer.citedCount > 0)
  const hint: PromoteHint =
    saved === null
      ? 'saveFirst'
      : saved.verdict === 'rejected'
        ? 'rejected'
        : !promotable
          ? saved.verdict === 'approved' && answer.abstained
            ? 'abstention'
            : 'needsSource'
          : 'ready'
  return { promotable, hint }
}

export function PromoteSection({
  idPrefix,
  promotable,
  hint,
  busy,
  promotedMessage,
  curated,
  onPromote,
}: {
  idPrefix: string
  promotable: boolean
  hint: PromoteHint
  busy: boolean
  promotedMessage: string | null
  curated: { id: string; status: string }[]
  onPromote: () => void
}) {
  const t = useTranslations('review.panel.promote')
  const active = curated.filter((c) => c.status !== 'retired')
  return (
    <div className="space-y-2 border-t border-slate-100 p-4">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          onClick={onPromote}
          disabled={!promotable || busy}
          aria-describedby={`${idPrefix}-promote-hint`}
        >
          <Sparkles aria-hidden />
          {busy ? t('promoting') : t('promote')}
        </Button>
      </div>
      <p id={`${idPrefix}-promote-hint`} className="text-xs text-slate-500">
        {t(`hints.${hint}`)}
      </p>
      {promotedMessage ? <Alert tone="success">{promotedMessage}</Alert> : null}
      {active.length > 0 ? (
        <p className="text-xs text-slate-600">
          {t('curatedFrom')}{' '}
          {active.map((c) => (
            <Badge key={c.id} tone={c.status === 'active' ? 'emerald' : 'amber'} className="mr-1">
              {c.status === 'active' ? t('active') : t('needsReview')}
            </Badge>
          ))}
          <Link href="/review/curated" className="text-indigo-700 underline">
            {t('manage')}
          </Link>
        </p>
      ) : null}
    </div>
  )
}
