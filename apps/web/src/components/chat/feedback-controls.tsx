'use client'

import { Check, ThumbsDown, ThumbsUp } from 'lucide-react'
import { useId, useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { Textarea } from '@/components/ui/textarea'
import { callApi } from '@/lib/client/api-client'
import { FEEDBACK_REASONS, type FeedbackReason, type Rating } from '@/lib/shared/chat/types'
import { cn } from '@/lib/shared/utils'

/** Catalog keys of the reasons (ICU keys cannot hold the stored value's hyphen). */
const REASON_KEYS = {
  incorrect: 'incorrect',
  incomplete: 'incomplete',
  irrelevant: 'irrelevant',
  'bad-citation': 'badCitation',
  outdated: 'outdated',
  other: 'other',
} as const satisfies Record<FeedbackReason, string>

type Props = { traceId: string; rating: Rating | null; onRated: (rating: Rating) => void }

async function sendFeedback(body: {
  traceId: string
  rating: Rating
  reason?: FeedbackReason
  comment?: string
}) {
  return (await callApi('/api/feedback', { json: body })).ok
}

/** Thumbs up/down; after either, an optional reason and comment (the same row is updated). */
export function FeedbackControls({ traceId, rating, onRated }: Props) {
  const t = useTranslations('feedback')
  const [detailsOpen, setDetailsOpen] = useState(false)
  const [reason, setReason] = useState<FeedbackReason | ''>('')
  const [comment, setComment] = useState('')
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle')
  const formId = useId()

  const rate = async (value: Rating) => {
    setState('saving')
    const ok = await sendFeedback({ traceId, rating: value })
    setState(ok ? 'idle' : 'failed')
    if (ok) {
      onRated(value)
      setDetailsOpen(true)
    }
  }

  const submitDetails = async () => {
    if (!rating) return
    setState('saving')
    const ok = await sendFeedback({
      traceId,
      rating,
      ...(reason ? { reason } : {}),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    })
    setState(ok ? 'saved' : 'failed')
    if (ok) setDetailsOpen(false)
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-1">
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={t('helpful')}
          aria-pressed={rating === 'up'}
          disabled={state === 'saving'}
          onClick={() => rate('up')}
          className={cn(rating === 'up' && 'bg-emerald-100 text-emerald-800 hover:bg-emerald-100')}
        >
          <ThumbsUp aria-hidden />
        </Button>
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={t('notHelpful')}
          aria-pressed={rating === 'down'}
          disabled={state === 'saving'}
          onClick={() => rate('down')}
          className={cn(rating === 'down' && 'bg-red-100 text-red-800 hover:bg-red-100')}
        >
          <ThumbsDown aria-hidden />
        </Button>
        <span role="status" className="ml-1 text-xs text-slate-500">
          {state === 'saved' ? (
            <span className="inline-flex items-center gap-1">
              <Check className="size-3" aria-hidden /> {t('thanks')}
            </span>
          ) : state === 'failed' ? (
            t('failed')
          ) : rating && !detailsOpen ? (
            t('saved')
          ) : null}
        </span>
      </div>
      {detailsOpen && rating ? (
        <form
          aria-label={t('details')}
          className="w-full max-w-md space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-3"
          onSubmit={(e) => {
            e.preventDefault()
            void submitDetails()
          }}
        >
          <label htmlFor={`${formId}-reason`} className="block text-xs font-medium text-slate-700">
            {rating === 'down' ? t('whatWasWrong') : t('anythingToAdd')}
          </label>
          <select
            id={`${formId}-reason`}
            value={reason}
            onChange={(e) => setReason(e.target.value as FeedbackReason | '')}
            className="h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm"
          >
            <option value="">{t('chooseReason')}</option>
            {FEEDBACK_REASONS.map((r) => (
              <option key={r.value} value={r.value}>
                {t(`reasons.${REASON_KEYS[r.value]}`)}
              </option>
            ))}
          </select>
          <Textarea
            aria-label={t('comment')}
            placeholder={t('commentPlaceholder')}
            rows={2}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={state === 'saving'}>
              {t('send')}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setDetailsOpen(false)}>
              {t('skip')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  )
}
