import type { DatasetListRow } from '@policydesk/db'
import { Download } from 'lucide-react'
import { Badge, Card } from '@/components/review/ui'
import { buttonVariants } from '@/components/ui/button'
import { getTranslator } from '@/lib/server/i18n/server'
import { formatBytes, formatDateTime, formatInt } from '@/lib/shared/format'
import { describeFilter, parseDatasetStats } from '@/lib/shared/review/dataset-stats'

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm font-medium text-slate-900 tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  )
}

/** One exported dataset: what it holds (stats), how it was made (filter), and its files. */
export async function DatasetCard({ dataset }: { dataset: DatasetListRow }) {
  const t = await getTranslator()
  const s = parseDatasetStats(dataset.stats)
  const pii = Object.entries(s.pii).filter(([, n]) => n > 0)
  const dropped = Object.entries(s.dropped).filter(([, n]) => n > 0)
  const href = (part: string) => `/api/review/datasets/${dataset.id}/download?part=${part}`
  return (
    <Card className="p-4" data-testid="dataset" aria-labelledby={`dataset-${dataset.id}`}>
      <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={`dataset-${dataset.id}`} className="font-medium break-all text-slate-900">
            {dataset.name}
          </h2>
          <p className="text-xs text-slate-500">
            {dataset.createdByEmail
              ? t('review.datasets.card.exportedBy', {
                  at: formatDateTime(dataset.createdAt),
                  email: dataset.createdByEmail,
                })
              : t('review.datasets.card.exported', { at: formatDateTime(dataset.createdAt) })}{' '}
            · {dataset.format} · {formatBytes(dataset.bytes)}
            {dataset.jobs > 0
              ? ` · ${t('review.datasets.card.jobs', { count: dataset.jobs, n: formatInt(dataset.jobs) })}`
              : ''}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={href('train')} download className={buttonVariants({ size: 'sm' })}>
            <Download aria-hidden />
            {t('review.datasets.card.trainingFile')}
          </a>
          {s.validation > 0 ? (
            <a
              href={href('validation')}
              download
              className={buttonVariants({ variant: 'secondary', size: 'sm' })}
            >
              <Download aria-hidden />
              {t('review.datasets.card.validationFile')}
            </a>
          ) : null}
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat
          label={t('review.datasets.card.examples')}
          testId="dataset-examples"
          value={t('review.datasets.card.examplesValue', {
            examples: formatInt(s.examples),
            train: formatInt(s.train),
            validation: formatInt(s.validation),
          })}
        />
        <Stat label={t('review.datasets.card.considered')} value={formatInt(s.considered)} />
        <Stat
          label={t('review.datasets.card.tokens')}
          value={t('review.datasets.card.tokensValue', {
            total: formatInt(s.tokens.total),
            mean: formatInt(Math.round(s.tokens.mean)),
            max: formatInt(s.tokens.max),
          })}
        />
        <Stat label={t('review.datasets.card.documentsCovered')} value={formatInt(s.documents.covered)} />
      </dl>
      <div className="mt-3 flex flex-wrap gap-1.5 text-xs">
        <Badge tone="emerald">
          {t('review.datasets.card.approved', { n: formatInt(s.labels.approved) })}
        </Badge>
        <Badge tone="indigo">
          {t('review.datasets.card.corrected', { n: formatInt(s.labels.corrected) })}
        </Badge>
        <Badge tone="slate">
          {t('review.datasets.card.abstentions', {
            count: s.labels.abstentions,
            n: formatInt(s.labels.abstentions),
          })}
        </Badge>
        {s.distractors.total > 0 ? (
          <Badge tone="sky">
            {t('review.datasets.card.distractors', {
              perExample: String(s.distractors.perExample),
              total: formatInt(s.distractors.total),
            })}
          </Badge>
        ) : null}
      </div>
      <ul className="mt-3 space-y-0.5 text-xs text-slate-600">
        <li>
          {t('review.datasets.card.filter', {
            filter: describeFilter(dataset.filter).join(' · ') || t('review.datasets.card.defaults'),
          })}
        </li>
        {s.documents.slugs.length > 0 ? (
          <li>{t('review.datasets.card.documents', { slugs: s.documents.slugs.join(', ') })}</li>
        ) : null}
        <li data-testid="dataset-pii">
          {t('review.datasets.card.pii', {
            list: pii.length
              ? pii.map(([kind, n]) => `${kind} ${n}`).join(', ')
              : t('review.datasets.card.none'),
          })}
        </li>
        <li>
          {t('review.datasets.card.dropped', {
            list: dropped.length
              ? dropped.map(([why, n]) => `${why} ${n}`).join(', ')
              : t('review.datasets.card.none'),
          })}
        </li>
      </ul>
    </Card>
  )
}
