import type { RefObject } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { Textarea } from '@/components/ui/textarea'
import type { PanelCandidate } from '@/lib/shared/review/panel-props'
import { cn } from '@/lib/shared/utils'

/**
 * The corrected answer and the passages it cites: [n] follows the order sources are picked in, and
 * "Insert [n]" puts the marker at the caret.
 */
export function CorrectionEditor({
  idPrefix,
  answerRef,
  text,
  onTextChange,
  problem,
  candidates,
  picked,
  onTogglePick,
}: {
  idPrefix: string
  answerRef: RefObject<HTMLTextAreaElement | null>
  text: string
  onTextChange: (text: string) => void
  /** Why the markers and the picked sources do not match; null = they do. */
  problem: string | null
  candidates: PanelCandidate[]
  picked: string[]
  onTogglePick: (chunkId: string) => void
}) {
  const t = useTranslations('review.panel.correction')
  const insertMarker = (n: number) => {
    const area = answerRef.current
    const marker = ` [${n}]`
    if (!area) {
      onTextChange(`${text}${marker}`)
      return
    }
    const start = area.selectionStart ?? text.length
    const end = area.selectionEnd ?? text.length
    onTextChange(`${text.slice(0, start)}${marker}${text.slice(end)}`)
    requestAnimationFrame(() => {
      area.focus()
      area.setSelectionRange(start + marker.length, start + marker.length)
    })
  }

  return (
    <div className="space-y-3 rounded-md border border-amber-200 bg-amber-50/40 p-3">
      <div>
        <label htmlFor={`${idPrefix}-answer`} className="mb-1 block text-xs font-medium text-slate-700">
          {t('label')}
        </label>
        <Textarea
          id={`${idPrefix}-answer`}
          ref={answerRef}
          rows={7}
          value={text}
          onChange={(e) => onTextChange(e.target.value)}
          className="resize-y"
          aria-describedby={`${idPrefix}-answer-hint`}
        />
        <p
          id={`${idPrefix}-answer-hint`}
          className={cn('mt-1 text-xs', problem ? 'text-red-700' : 'text-slate-500')}
        >
          {problem ?? t('hint')}
        </p>
      </div>
      <fieldset>
        <legend className="mb-1 text-xs font-medium text-slate-700">
          {t('sources', { n: String(picked.length) })}
        </legend>
        {candidates.length === 0 ? (
          <p className="text-xs text-slate-500">{t('noPassages')}</p>
        ) : (
          <ul className="max-h-80 space-y-1.5 overflow-y-auto pr-1" data-testid="citation-picker">
            {candidates.map((c) => {
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
                      id={`${idPrefix}-pick-${c.chunkId}`}
                      checked={n > 0}
                      onChange={() => onTogglePick(c.chunkId)}
                      className="mt-0.5 size-4 accent-indigo-600"
                    />
                    <label
                      htmlFor={`${idPrefix}-pick-${c.chunkId}`}
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
                        {c.cited ? ` · ${t('cited')}` : c.used ? ` · ${t('used')}` : ''}
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
                        {t('insert', { n: String(n) })}
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
  )
}
