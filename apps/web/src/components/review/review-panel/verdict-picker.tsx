import { useTranslations } from 'use-intl'
import type { Verdict } from '@/lib/shared/review/panel-props'
import { cn } from '@/lib/shared/utils'
import { Kbd } from '../ui'

const VERDICTS: { value: Verdict; key: string; tone: string }[] = [
  {
    value: 'approved',
    key: 'a',
    tone: 'peer-checked:border-emerald-600 peer-checked:bg-emerald-50 peer-checked:text-emerald-800',
  },
  {
    value: 'corrected',
    key: 'c',
    tone: 'peer-checked:border-amber-600 peer-checked:bg-amber-50 peer-checked:text-amber-900',
  },
  {
    value: 'rejected',
    key: 'r',
    tone: 'peer-checked:border-red-600 peer-checked:bg-red-50 peer-checked:text-red-800',
  },
]

/** Approve / Correct / Reject as one radio group; shortcut keys shown in queue mode. */
export function VerdictPicker({
  name,
  value,
  showKeys,
  onChange,
}: {
  name: string
  value: Verdict | null
  showKeys: boolean
  onChange: (verdict: Verdict) => void
}) {
  const t = useTranslations('review.panel.verdict')
  return (
    <fieldset>
      <legend className="mb-2 text-xs font-medium text-slate-700">{t('legend')}</legend>
      <div className="grid grid-cols-3 gap-2">
        {VERDICTS.map((v) => (
          <label key={v.value} className="relative">
            <input
              type="radio"
              name={name}
              value={v.value}
              checked={value === v.value}
              onChange={() => onChange(v.value)}
              className="peer sr-only"
            />
            <span
              className={cn(
                'flex h-10 cursor-pointer items-center justify-center gap-2 rounded-md border border-slate-300 text-sm font-medium text-slate-700 hover:bg-slate-50 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-600',
                v.tone,
              )}
            >
              {t(v.value)}
              {showKeys ? <Kbd>{v.key}</Kbd> : null}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
