'use client'

import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { Textarea } from '@/components/ui/textarea'
import { callApi } from '@/lib/client/api-client'
import { markerProblem } from '@/lib/shared/review/markers'
import type { PanelCandidate, PanelReview, Verdict } from '@/lib/shared/review/panel-props'
import { queueActionFor } from '@/lib/shared/review/shortcuts'
import { Alert } from '../ui'
import { CorrectionEditor } from './correction-editor'
import { LabelPicker } from './label-picker'
import { PromoteSection, promotability } from './promote-section'
import { QueueNavigation } from './queue-navigation'
import { VerdictPicker } from './verdict-picker'

type Props = {
  traceId: string
  labels: string[]
  abstained: boolean
  answer: string
  /** The generated answer's cited chunk ids, [1] first (the starting point of a correction). */
  originalCitedChunkIds: string[]
  candidates: PanelCandidate[]
  review: PanelReview | null
  curated: { id: string; status: string; statusReason: string | null }[]
  /** Queue mode: keyboard shortcuts and where "next"/"previous" go. */
  queue?: { nextHref: string; previousHref: string | null }
}

type Status = { state: 'idle' | 'saving' | 'saved' | 'promoting' | 'promoted' | 'error'; message?: string }

/** The analyst's verdict on one answer: approve, correct (text + citations from candidates) or reject. */
export function ReviewPanel(props: Props) {
  const { traceId, queue } = props
  const t = useTranslations('review.panel')
  const router = useRouter()
  const formId = useId()
  const answerRef = useRef<HTMLTextAreaElement>(null)
  const available = new Set(props.candidates.map((c) => c.chunkId))
  const [verdict, setVerdict] = useState<Verdict | null>(props.review?.verdict ?? null)
  const [labels, setLabels] = useState<string[]>(props.review?.labels ?? [])
  const [notes, setNotes] = useState(props.review?.notes ?? '')
  const [corrected, setCorrected] = useState(
    props.review?.correctedAnswer ?? (props.abstained ? '' : props.answer),
  )
  const [picked, setPicked] = useState<string[]>(
    (props.review?.verdict === 'corrected' ? props.review.citedChunkIds : props.originalCitedChunkIds).filter(
      (id) => available.has(id),
    ),
  )
  const [saved, setSaved] = useState<PanelReview | null>(props.review)
  const [status, setStatus] = useState<Status>({ state: 'idle' })
  const problem = verdict === 'corrected' ? markerProblem(corrected, picked.length) : null

  const save = useCallback(
    async (as: Verdict, then?: 'next') => {
      setStatus({ state: 'saving' })
      const result = await callApi(`/api/review/answers/${traceId}/review`, {
        method: 'PUT',
        json: {
          verdict: as,
          labels,
          notes: notes.trim() || null,
          ...(as === 'corrected' ? { correctedAnswer: corrected, citedChunkIds: picked } : {}),
        },
      })
      if (!result.ok) {
        setStatus({ state: 'error', message: result.error })
        return
      }
      setSaved({
        verdict: as,
        labels,
        notes,
        correctedAnswer: as === 'corrected' ? corrected : null,
        citedChunkIds: as === 'corrected' ? picked : [],
        reviewerName: 'you',
      })
      setStatus({ state: 'saved', message: t('saved') })
      if (then === 'next' && queue) router.push(queue.nextHref)
      else router.refresh()
    },
    [labels, notes, corrected, picked, traceId, queue, router, t],
  )

  const promote = async () => {
    setStatus({ state: 'promoting' })
    const result = await callApi(`/api/review/answers/${traceId}/promote`, { method: 'POST' })
    if (!result.ok) {
      setStatus({ state: 'error', message: result.error })
      return
    }
    setStatus({
      state: 'promoted',
      message: t('promoted'),
    })
    router.refresh()
  }

  const startCorrection = useCallback(() => {
    setVerdict('corrected')
    requestAnimationFrame(() => answerRef.current?.focus())
  }, [])

  useEffect(() => {
    if (!queue) return
    const onKey = (event: KeyboardEvent) => {
      const action = queueActionFor({
        key: event.key,
        altKey: event.altKey,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        defaultPrevented: event.defaultPrevented,
        target: event.target instanceof HTMLElement ? event.target : null,
      })
      if (!action) return
      event.preventDefault()
      if (action === 'approve') {
        setVerdict('approved')
        void save('approved', 'next')
      } else if (action === 'reject') {
        setVerdict('rejected')
        void save('rejected', 'next')
      } else if (action === 'correct') startCorrection()
      else if (action === 'next') router.push(queue.nextHref)
      else if (action === 'previous' && queue.previousHref) router.push(queue.previousHref)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [queue, save, startCorrection, router])

  const togglePick = (chunkId: string) =>
    setPicked((current) =>
      current.includes(chunkId) ? current.filter((id) => id !== chunkId) : [...current, chunkId],
    )
  const { promotable, hint } = promotability(saved, {
    abstained: props.abstained,
    citedCount: props.originalCitedChunkIds.length,
  })

  return (
    <section
      aria-labelledby={`${formId}-title`}
      className="rounded-lg border border-slate-200 bg-white shadow-sm"
      data-testid="review-panel"
    >
      <div className="border-b border-slate-100 px-4 py-3">
        <h2 id={`${formId}-title`} className="text-base font-semibold text-slate-900">
          {t('title')}
        </h2>
        {saved?.reviewerName && saved.reviewerName !== 'you' ? (
          <p className="text-xs text-slate-500">{t('lastReviewedBy', { name: saved.reviewerName })}</p>
        ) : null}
      </div>
      <form
        className="space-y-4 p-4"
        onSubmit={(event) => {
          event.preventDefault()
          if (verdict) void save(verdict)
        }}
      >
        <VerdictPicker
          name={`${formId}-verdict`}
          value={verdict}
          showKeys={queue !== undefined}
          onChange={(v) => (v === 'corrected' ? startCorrection() : setVerdict(v))}
        />
        {verdict === 'corrected' ? (
          <CorrectionEditor
            idPrefix={formId}
            answerRef={answerRef}
            text={corrected}
            onTextChange={setCorrected}
            problem={problem}
            candidates={props.candidates}
            picked={picked}
            onTogglePick={togglePick}
          />
        ) : null}
        <LabelPicker labels={props.labels} selected={labels} onChange={setLabels} />
        <div>
          <label htmlFor={`${formId}-notes`} className="mb-1 block text-xs font-medium text-slate-700">
            {t('notes')}
          </label>
          <Textarea
            id={`${formId}-notes`}
            rows={2}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            className="resize-y"
            placeholder={t('notesPlaceholder')}
          />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={!verdict || status.state === 'saving' || problem !== null}>
            {status.state === 'saving' ? t('saving') : t('save')}
          </Button>
          <p role="status" aria-live="polite" className="text-sm text-emerald-700">
            {status.state === 'saved' ? status.message : ''}
          </p>
        </div>
        {status.state === 'error' ? <Alert>{status.message}</Alert> : null}
      </form>
      <PromoteSection
        idPrefix={formId}
        promotable={promotable}
        hint={hint}
        busy={status.state === 'promoting'}
        promotedMessage={status.state === 'promoted' ? (status.message ?? null) : null}
        curated={props.curated}
        onPromote={() => void promote()}
      />
      {queue ? <QueueNavigation nextHref={queue.nextHref} previousHref={queue.previousHref} /> : null}
    </section>
  )
}
