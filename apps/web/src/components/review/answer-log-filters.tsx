import { Download, Search } from 'lucide-react'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { buttonVariants } from '@/components/ui/button'
import { getTranslator } from '@/lib/server/i18n/server'
import { formatScore } from '@/lib/shared/format'
import { activeFilterCount, type LogQuery, logQueryString } from '@/lib/shared/review/filters'
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
  anyLabel,
}: {
  id: string
  name: keyof LogQuery
  label: string
  value: string | undefined
  options: Option[]
  anyLabel: string
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
export async function AnswerLogFilters({
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
  const t = await getTranslator()
  const any = t('review.filters.any')
  const active = activeFilterCount(query)
  const exportQuery = logQueryString(query)
  const exportHref = (format: string) =>
    `/api/review/export${exportQuery ? `${exportQuery}&` : '?'}format=${format}`
  return (
    <search
      aria-label={t('review.filters.label')}
      className="mb-4 block rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <form method="get" action="/review">
        <div className="mb-3 flex flex-wrap items-end gap-3">
          <div className="flex min-w-64 flex-1 flex-col gap-1">
            <label htmlFor="f-q" className="text-xs font-medium text-slate-700">
              {t('review.filters.search')}
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
                placeholder={t('review.filters.searchPlaceholder')}
                className={`${controlClass} pl-8`}
              />
            </div>
          </div>
          <Field id="f-from" label={t('review.filters.from')}>
            <input
              id="f-from"
              name="from"
              type="date"
              defaultValue={query.from ?? ''}
              className={controlClass}
            />
          </Field>
          <Field id="f-to" label={t('review.filters.to')}>
            <input id="f-to" name="to" type="date" defaultValue={query.to ?? ''} className={controlClass} />
          </Field>
        </div>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-8">
          <SelectField
            id="f-feedback"
            name="feedback"
            label={t('review.filters.feedback')}
            anyLabel={any}
            value={query.feedback}
            options={[
              { value: 'down', label: t('review.filters.thumbsDown') },
              { value: 'up', label: t('review.filters.thumbsUp') },
              { value: 'none', label: t('review.filters.noFeedback') },
            ]}
          />
          <SelectField
            id="f-abstained"
            name="abstained"
            label={t('review.filters.abstained')}
            anyLabel={any}
            value={query.abstained}
            options={[
              { value: 'yes', label: t('review.filters.abstained') },
              { value: 'no', label: t('review.filters.answered') },
            ]}
          />
          <SelectField
            id="f-validation"
            name="validation"
            label={t('review.filters.validation')}
            anyLabel={any}
            value={query.validation}
            options={[
              { value: 'failed', label: t('review.filters.failed') },
              { value: 'passed', label: t('review.filters.passed') },
            ]}
          />
          <SelectField
            id="f-review"
            name="review"
            label={t('review.filters.reviewStatus')}
            anyLabel={any}
            value={query.review}
            options={[
              { value: 'unreviewed', label: t('review.verdict.none') },
              { value: 'reviewed', label: t('review.filters.reviewed') },
              { value: 'approved', label: t('review.verdict.approved') },
              { value: 'corrected', label: t('review.verdict.corrected') },
              { value: 'rejected', label: t('review.verdict.rejected') },
            ]}
          />
          <SelectField
            id="f-group"
            name="group"
            label={t('review.filters.group')}
            anyLabel={any}
            value={query.group}
            options={groups}
          />
          <SelectField
            id="f-doc"
            name="doc"
            label={t('review.filters.document')}
            anyLabel={any}
            value={query.doc}
            options={documents}
          />
          <SelectField
            id="f-model"
            name="model"
            label={t('review.filters.model')}
            anyLabel={any}
            value={query.model}
            options={models.map((m) => ({ value: m, label: m }))}
          />
          <fieldset className="flex min-w-0 flex-col gap-1">
            <legend className="mb-1 text-xs font-medium text-slate-700">
              {t('review.filters.retrieval')}
            </legend>
            <label className="flex h-9 items-center gap-2 text-sm whitespace-nowrap text-slate-700">
              <input
                type="checkbox"
                name="lowScore"
                value="1"
                defaultChecked={query.lowScore === '1'}
                className="size-4 rounded border-slate-300 accent-indigo-600"
              />
              {t('review.filters.lowScore')}{' '}
              <span className="text-xs text-slate-500">&lt; {formatScore(lowScoreThreshold, 3)}</span>
            </label>
          </fieldset>
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-2">
          <button type="submit" className={buttonVariants({ size: 'sm' })}>
            {t('review.filters.apply')}
          </button>
          {active > 0 ? (
            <Link href="/review" className={buttonVariants({ variant: 'ghost', size: 'sm' })}>
              {t('review.filters.clear', { count: active, n: String(active) })}
            </Link>
          ) : null}
          <span className="ml-auto flex items-center gap-2 text-xs text-slate-500">
            {active > 0 ? t('review.filters.exportFiltered') : t('review.filters.exportAll')}
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
              {t('review.filters.jsonl')}
            </a>
          </span>
        </div>
      </form>
    </search>
  )
}
