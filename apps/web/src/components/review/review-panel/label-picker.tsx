import { Check } from 'lucide-react'
import { useTranslations } from 'use-intl'
import { labelText } from '@/lib/shared/review/labels'

/** The review labels as toggle chips. */
export function LabelPicker({
  labels,
  selected,
  onChange,
}: {
  labels: string[]
  selected: string[]
  onChange: (selected: string[]) => void
}) {
  const t = useTranslations('review.panel')
  if (labels.length === 0) return null
  return (
    <fieldset>
      <legend className="mb-1.5 text-xs font-medium text-slate-700">{t('labels')}</legend>
      <div className="flex flex-wrap gap-1.5">
        {labels.map((label) => {
          const on = selected.includes(label)
          return (
            <label key={label} className="relative">
              <input
                type="checkbox"
                className="peer sr-only"
                checked={on}
                onChange={() => onChange(on ? selected.filter((x) => x !== label) : [...selected, label])}
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
  )
}
