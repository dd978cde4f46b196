'use client'

import { Check, ThumbsDown, ThumbsUp } from 'lucide-react'
import { useId, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Textarea } from '@/components/ui/textarea'
import { FEEDBACK_REASONS, type FeedbackReason, type Rating } from '@/lib/chat/types'
import { cn } from '@/lib/utils'

type Props = { traceId: string; rating: Rating | null; onRated: (rating: Rating) => void }

async function sendFeedback(body: {
  traceId: string
  rating: Rating
  reason?: FeedbackReason
  comment?: string
}) {
  const response = await fetch('/api/feedback', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return response.ok
}

/** Thumbs up/down; after either, an optional reason and comment (the same row is updated). */
export function FeedbackControls({ traceId, rating, onRated }: Props) {
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
          aria-label="Helpful answer"
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
          aria-label="Not helpful answer"
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
              <Check className="size-3" aria-hidden /> Thanks for your feedback
            </span>
          ) : state === 'failed' ? (
            'Could not save your feedback.'
          ) : rating && !detailsOpen ? (
            'Feedback saved'
          ) : null}
        </span>
      </div>
      {detailsOpen && rating ? (
        <form
          aria-label="Feedback details"
          className="w-full max-w-md space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-3"
          onSubmit={(e) => {
            e.preventDefault()
            void submitDetails()
          }}
        >
          <label htmlFor={`${formId}-reason`} className="block text-xs font-medium text-slate-700">
            {rating === 'down' ? 'What was wrong? (optional)' : 'Anything to add? (optional)'}
          </label>
          <select
            id={`${formId}-reason`}
            value={reason}
            onChange={(e) => setReason(e.target.value as FeedbackReason | '')}
            className="h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm"
          >
            <option value="">Choose a reason</option>
            {FEEDBACK_REASONS.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
          <Textarea
            aria-label="Feedback comment"
            placeholder="Comment (optional)"
            rows={2}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={state === 'saving'}>
              Send feedback
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setDetailsOpen(false)}>
              Skip
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  )
}
