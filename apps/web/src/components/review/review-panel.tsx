'use client'

import { Check, Sparkles } from 'lucide-react'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Textarea } from '@/components/ui/textarea'
import { labelText } from '@/lib/review/labels'
import { markerProblem } from '@/lib/review/markers'
import type { PanelCandidate, PanelReview, Verdict } from '@/lib/review/panel-props'
import { QUEUE_SHORTCUTS, queueActionFor } from '@/lib/review/shortcuts'
import { cn } from '@/lib/utils'
import { Alert, Badge, Kbd } from './ui'

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

const VERDICTS: { value: Verdict; label: string; key: string; tone: string }[] = [
  {
    value: 'approved',
    label: 'Approve',
    key: 'a',
    tone: 'peer-checked:border-emerald-600 peer-checked:bg-emerald-50 peer-checked:text-emerald-800',
  },
  {
    value: 'corrected',
    label: 'Correct',
    key: 'c',
    tone: 'peer-checked:border-amber-600 peer-checked:bg-amber-50 peer-checked:text-amber-900',
  },
  {
    value: 'rejected',
    label: 'Reject',
    key: 'r',
    tone: 'peer-checked:border-red-600 peer-checked:bg-red-50 peer-checked:text-red-800',
  },
]

type Status = { state: 'idle' | 'saving' | 'saved' | 'promoting' | 'promoted' | 'error'; message?: string }

/** The analyst's verdict on one answer: approve, correct (text + citations from candidates) or reject. */
export function ReviewPanel(props: Props) {
  const { traceId, queue } = props
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
      const body = {
        verdict: as,
        labels,
        notes: notes.trim() || null,
        ...(as === 'corrected' ? { correctedAnswer: corrected, citedChunkIds: picked } : {}),
      }
      const response = await fetch(`/api/review/answers/${traceId}/review`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }).catch(() => null)
      if (!response?.ok) {
        const error = response
          ? ((await response.json().catch(() => null)) as { error?: string } | null)
          : null
        setStatus({
          state: 'error',
          message: error?.error ?? 'Could not save the review. Check your connection and try again.',
        })
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
      setStatus({ state: 'saved', message: 'Review saved.' })
      if (then === 'next' && queue) router.push(queue.nextHref)
      else router.refresh()
    },
    [labels, notes, corrected, picked, traceId, queue, router],
  )

  const promote = async () => {
    setStatus({ state: 'promoting' })
    const response = await fetch(`/api/review/answers/${traceId}/promote`, { method: 'POST' }).catch(
      () => null,
    )
    if (!response?.ok) {
      const error = response ? ((await response.json().catch(() => null)) as { error?: string } | null) : null
      setStatus({ state: 'error', message: error?.error ?? 'Could not promote the answer.' })
      return
    }
    setStatus({
      state: 'promoted',
      message: 'Promoted: employees asking this question (or a close variant) now get this answer.',
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

  const insertMarker = (n: number) => {
    const area = answerRef.current
    const marker = ` [${n}]`
    if (!area) {
      setCorrected((t) => `${t}${marker}`)
      return
    }
    const start = area.selectionStart ?? corrected.length
    const end = area.selectionEnd ?? corrected.length
    const next = `${corrected.slice(0, start)}${marker}${corrected.slice(end)}`
    setCorrected(next)
    requestAnimationFrame(() => {
      area.focus()
      area.setSelectionRange(start + marker.length, start + marker.length)
    })
  }

  const promotable =
    saved !== null &&
    (saved.verdict === 'corrected'
      ? saved.citedChunkIds.length > 0
      : saved.verdict === 'approved' && !props.abstained && props.originalCitedChunkIds.length > 0)
  const promoteHint =
    saved === null
      ? 'Save an approving or correcting review first.'
      : saved.verdict === 'rejected'
        ? 'Rejected answers cannot be promoted.'
        : !promotable
          ? saved.verdict === 'approved' && props.abstained
            ? 'An abstention cannot be promoted: correct it with an answer first.'
            : 'A curated answer needs at least one cited source.'
          : 'Later questions that match closely get this answer, marked as curated.'
  const active = props.curated.filter((c) => c.status !== 'retired')

  return (
    <section
      aria-labelledby={`${formId}-title`}
      className="rounded-lg border border-slate-200 bg-white shadow-sm"
      data-testid="review-panel"
    >
      <div className="border-b border-slate-100 px-4 py-3">
        <h2 id={`${formId}-title`} className="text-base font-semibold text-slate-900">
          Your review
        </h2>
        {saved?.reviewerName && saved.reviewerName !== 'you' ? (
          <p className="text-xs text-slate-500">
            Last reviewed by {saved.reviewerName}; saving replaces that review.
          </p>
        ) : null}
      </div>
      <form
        className="space-y-4 p-4"
        onSubmit={(event) => {
          event.preventDefault()
          if (verdict) void save(verdict)
        }}
      >
        <fieldset>
          <legend className="mb-2 text-xs font-medium text-slate-700">Verdict</legend>
          <div className="grid grid-cols-3 gap-2">
            {VERDICTS.map((v) => (
              <label key={v.value} className="relative">
                <input
                  type="radio"
                  name={`${formId}-verdict`}
                  value={v.value}
                  checked={verdict === v.value}
                  onChange={() => (v.value === 'corrected' ? startCorrection() : setVerdict(v.value))}
                  className="peer sr-only"
                />
                <span
                  className={cn(
                    'flex h-10 cursor-pointer items-center justify-center gap-2 rounded-md border border-slate-300 text-sm font-medium text-slate-700 hover:bg-slate-50 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-600',
                    v.tone,
                  )}
                >
                  {v.label}
                  {queue ? <Kbd>{v.key}</Kbd> : null}
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        {verdict === 'corrected' ? (
          <div className="space-y-3 rounded-md border border-amber-200 bg-amber-50/40 p-3">
            <div>
              <label htmlFor={`${formId}-answer`} className="mb-1 block text-xs font-medium text-slate-700">
                Corrected answer
              </label>
              <Textarea
                id={`${formId}-answer`}
                ref={answerRef}
                rows={7}
                value={corrected}
                onChange={(e) => setCorrected(e.target.value)}
                className="resize-y"
                aria-describedby={`${formId}-answer-hint`}
              />
              <p
                id={`${formId}-answer-hint`}
                className={cn('mt-1 text-xs', problem ? 'text-red-700' : 'text-slate-500')}
              >
                {problem ?? 'Cite sources with [1], [2] … in the order you select them below.'}
              </p>
            </div>
            <fieldset>
              <legend className="mb-1 text-xs font-medium text-slate-700">
                Sources to cite ({picked.length} selected)
              </legend>
              {props.candidates.length === 0 ? (
                <p className="text-xs text-slate-500">No readable passages were retrieved for this answer.</p>
              ) : (
                <ul className="max-h-80 space-y-1.5 overflow-y-auto pr-1" data-testid="citation-picker">
                  {props.candidates.map((c) => {
                    const n = picked.indexOf(c.chunkId) + 1
                    return (
                      <li
                        key={c.chunkId}
                        className={cn(
                          'rounded-md border p-2 text-xs',
                          n > 0 ? 'border-indigo-300 bg-white' : 'border-slate-200 bg-white/70',
                        )}
                      >
                        <div className="flex items-start gap-2">
                          <input
                            type="checkbox"
                            id={`${formId}-pick-${c.chunkId}`}
                            checked={n > 0}
                            onChange={() => togglePick(c.chunkId)}
                            className="mt-0.5 size-4 accent-indigo-600"
                          />
                          <label
                            htmlFor={`${formId}-pick-${c.chunkId}`}
                            className="min-w-0 flex-1 cursor-pointer"
                          >
                            <span className="font-medium text-slate-900">
                              {n > 0 ? <span className="mr-1 font-mono text-indigo-700">[{n}]</span> : null}
                              {c.title}
                              {c.versionNo !== null ? (
                                <span className="font-normal text-slate-500"> v{c.versionNo}</span>
                              ) : null}
                            </span>
                            <span className="ml-1 text-slate-500">
                              #{c.rank}
                              {c.cited ? ' · cited' : c.used ? ' · used' : ''}
                            </span>
                            <span className="mt-0.5 line-clamp-3 text-slate-600">{c.passage}</span>
                          </label>
                          {n > 0 ? (
                            <Button
                              size="sm"
                              variant="secondary"
                              className="h-7 px-2 text-xs"
                              onClick={() => insertMarker(n)}
                            >
                              Insert [{n}]
                            </Button>
                          ) : null}
                        </div>
                      </li>
                    )
                  })}
                </ul>
              )}
            </fieldset>
          </div>
        ) : null}

        {props.labels.length > 0 ? (
          <fieldset>
            <legend className="mb-1.5 text-xs font-medium text-slate-700">Labels</legend>
            <div className="flex flex-wrap gap-1.5">
              {props.labels.map((label) => {
                const on = labels.includes(label)
                return (
                  <label key={label} className="relative">
                    <input
                      type="checkbox"
                      className="peer sr-only"
                      checked={on}
                      onChange={() => setLabels((l) => (on ? l.filter((x) => x !== label) : [...l, label]))}
                    />
                    <span className="flex cursor-pointer items-center gap-1 rounded-full border border-slate-300 px-2.5 py-1 text-xs text-slate-700 peer-checked:border-indigo-600 peer-checked:bg-indigo-50 peer-checked:text-indigo-800 peer-focus-visible:outline-2 peer-focus-visible:outline-indigo-600">
                      {on ? <Check className="size-3" aria-hidden /> : null}
                      {labelText(label)}
                    </span>
                  </label>
                )
              })}
            </div>
          </fieldset>
        ) : null}

        <div>
          <label htmlFor={`${formId}-notes`} className="mb-1 block text-xs font-medium text-slate-700">
            Notes (optional)
          </label>
          <Textarea
            id={`${formId}-notes`}
            rows={2}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            className="resize-y"
            placeholder="What was wrong, what is missing from the policies…"
          />
        </div>

        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={!verdict || status.state === 'saving' || problem !== null}>
            {status.state === 'saving' ? 'Saving…' : 'Save review'}
          </Button>
          <p role="status" aria-live="polite" className="text-sm text-emerald-700">
            {status.state === 'saved' ? status.message : ''}
          </p>
        </div>
        {status.state === 'error' ? <Alert>{status.message}</Alert> : null}
      </form>

      <div className="space-y-2 border-t border-slate-100 p-4">
        <div className="flex flex-wrap items-center gap-3">
          <Button
            variant="secondary"
            onClick={() => void promote()}
            disabled={!promotable || status.state === 'promoting'}
            aria-describedby={`${formId}-promote-hint`}
          >
            <Sparkles aria-hidden />
            {status.state === 'promoting' ? 'Promoting…' : 'Promote to curated answer'}
          </Button>
        </div>
        <p id={`${formId}-promote-hint`} className="text-xs text-slate-500">
          {promoteHint}
        </p>
        {status.state === 'promoted' ? <Alert tone="success">{status.message}</Alert> : null}
        {active.length > 0 ? (
          <p className="text-xs text-slate-600">
            Curated from this answer:{' '}
            {active.map((c) => (
              <Badge key={c.id} tone={c.status === 'active' ? 'emerald' : 'amber'} className="mr-1">
                {c.status === 'active' ? 'Active' : 'Needs review'}
              </Badge>
            ))}
            <Link href="/review/curated" className="text-indigo-700 underline">
              Manage curated answers
            </Link>
          </p>
        ) : null}
      </div>

      {queue ? (
        <div className="border-t border-slate-100 p-4">
          <div className="mb-3 flex gap-2">
            {queue.previousHref ? (
              <Link
                href={queue.previousHref}
                className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50"
              >
                ← Previous <Kbd>k</Kbd>
              </Link>
            ) : null}
            <Link
              href={queue.nextHref}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50"
            >
              Next (skip) <Kbd>j</Kbd> <Kbd>n</Kbd>
            </Link>
          </div>
          <div className="text-xs text-slate-500" data-testid="shortcut-help">
            <p className="mb-1 font-medium text-slate-600">
              Keyboard shortcuts (not while typing in a field)
            </p>
            <ul className="flex flex-wrap gap-x-4 gap-y-1">
              {QUEUE_SHORTCUTS.map((s) => (
                <li key={s.action}>
                  {s.keys.map((k) => (
                    <Kbd key={k}>{k}</Kbd>
                  ))}{' '}
                  {s.action === 'approve' || s.action === 'reject' ? `${s.label} and next` : s.label}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </section>
  )
}
