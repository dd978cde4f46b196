import { Download, Search } from 'lucide-react'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { buttonVariants } from '@/components/ui/button'
import { activeFilterCount, type LogQuery, logQueryString } from '@/lib/review/filters'
import { formatScore } from '@/lib/review/format'
import { controlClass } from './ui'

type Option = { value: string; label: string }

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
    </div>
  )
}

function SelectField({
  id,
  name,
  label,
  value,
  options,
  anyLabel = 'Any',
}: {
  id: string
  name: keyof LogQuery
  label: string
  value: string | undefined
  options: Option[]
  anyLabel?: string
}) {
  return (
    <Field id={id} label={label}>
      <select id={id} name={name} defaultValue={value ?? ''} className={controlClass}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  )
}

/**
 * The answers log's filters: a plain GET form (works without JavaScript, the URL is shareable), and the
 * export links for exactly what is filtered.
 */
export function AnswerLogFilters({
  query,
  groups,
  documents,
  models,
  lowScoreThreshold,
}: {
  query: Partial<LogQuery>
  groups: Option[]
  documents: Option[]
  models: string[]
  lowScoreThreshold: number
}) {
  const active = activeFilterCount(query)
  const exportQuery = logQueryString(query)
  const exportHref = (format: string) =>
    `/api/review/export${exportQuery ? `${exportQuery}&` : '?'}format=${format}`
  return (
    <search
      aria-label="Filter answers"
      className="mb-4 block rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <form method="get" action="/review">
        <div className="mb-3 flex flex-wrap items-end gap-3">
          <div className="flex min-w-64 flex-1 flex-col gap-1">
            <label htmlFor="f-q" className="text-xs font-medium text-slate-700">
              Search questions
            </label>
            <div className="relative">
              <Search
                className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-slate-400"
                aria-hidden
              />
              <input
                id="f-q"
                name="q"
                type="search"
                defaultValue={query.q ?? ''}
                placeholder='Words, "a phrase", -exclude'
                className={`${controlClass} pl-8`}
              />
            </div>
          </div>
          <Field id="f-from" label="From">
            <input
              id="f-from"
              name="from"
              type="date"
              defaultValue={query.from ?? ''}
              className={controlClass}
            />
          </Field>
          <Field id="f-to" label="To">
            <input id="f-to" name="to" type="date" defaultValue={query.to ?? ''} className={controlClass} />
          </Field>
        </div>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-8">
          <SelectField
            id="f-feedback"
            name="feedback"
            label="Feedback"
            value={query.feedback}
            options={[
              { value: 'down', label: 'Thumbs down' },
              { value: 'up', label: 'Thumbs up' },
              { value: 'none', label: 'No feedback' },
            ]}
          />
          <SelectField
            id="f-abstained"
            name="abstained"
            label="Abstained"
            value={query.abstained}
            options={[
              { value: 'yes', label: 'Abstained' },
              { value: 'no', label: 'Answered' },
            ]}
          />
          <SelectField
            id="f-validation"
            name="validation"
            label="Validation"
            value={query.validation}
            options={[
              { value: 'failed', label: 'Failed' },
              { value: 'passed', label: 'Passed' },
            ]}
          />
          <SelectField
            id="f-review"
            name="review"
            label="Review status"
            value={query.review}
            options={[
              { value: 'unreviewed', label: 'Not reviewed' },
              { value: 'reviewed', label: 'Reviewed' },
              { value: 'approved', label: 'Approved' },
              { value: 'corrected', label: 'Corrected' },
              { value: 'rejected', label: 'Rejected' },
            ]}
          />
          <SelectField id="f-group" name="group" label="User group" value={query.group} options={groups} />
          <SelectField id="f-doc" name="doc" label="Document cited" value={query.doc} options={documents} />
          <SelectField
            id="f-model"
            name="model"
            label="Model"
            value={query.model}
            options={models.map((m) => ({ value: m, label: m }))}
          />
          <fieldset className="flex min-w-0 flex-col gap-1">
            <legend className="mb-1 text-xs font-medium text-slate-700">Retrieval</legend>
            <label className="flex h-9 items-center gap-2 text-sm whitespace-nowrap text-slate-700">
              <input
                type="checkbox"
                name="lowScore"
                value="1"
                defaultChecked={query.lowScore === '1'}
                className="size-4 rounded border-slate-300 accent-indigo-600"
              />
              Low score{' '}
              <span className="text-xs text-slate-500">&lt; {formatScore(lowScoreThreshold, 3)}</span>
            </label>
          </fieldset>
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-2">
          <button type="submit" className={buttonVariants({ size: 'sm' })}>
            Apply filters
          </button>
          {active > 0 ? (
            <Link href="/review" className={buttonVariants({ variant: 'ghost', size: 'sm' })}>
              Clear {active === 1 ? 'the filter' : `${active} filters`}
            </Link>
          ) : null}
          <span className="ml-auto flex items-center gap-2 text-xs text-slate-500">
            Export {active > 0 ? 'filtered' : 'all'}:
            <a
              href={exportHref('csv')}
              className={buttonVariants({ variant: 'secondary', size: 'sm' })}
              download
            >
              <Download aria-hidden />
              CSV
            </a>
            <a
              href={exportHref('jsonl')}
              className={buttonVariants({ variant: 'secondary', size: 'sm' })}
              download
            >
              <Download aria-hidden />
              JSONL with traces
            </a>
          </span>
        </div>
      </form>
    </search>
  )
}
