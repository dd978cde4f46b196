import type { DatasetListRow } from '@policydesk/finetune/queries'
import { Download } from 'lucide-react'
import { Badge, Card } from '@/components/review/ui'
import { buttonVariants } from '@/components/ui/button'
import { describeFilter, parseDatasetStats } from '@/lib/review/dataset-stats'
import { formatDateTime, formatInt } from '@/lib/review/format'

const kib = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`)

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
export function DatasetCard({ dataset }: { dataset: DatasetListRow }) {
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
            Exported {formatDateTime(dataset.createdAt)}
            {dataset.createdByEmail ? ` by ${dataset.createdByEmail}` : ''} · {dataset.format} ·{' '}
            {kib(dataset.bytes)}
            {dataset.jobs > 0 ? ` · ${dataset.jobs} fine-tuning job${dataset.jobs === 1 ? '' : 's'}` : ''}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={href('train')} download className={buttonVariants({ size: 'sm' })}>
            <Download aria-hidden />
            Training file
          </a>
          {s.validation > 0 ? (
            <a
              href={href('validation')}
              download
              className={buttonVariants({ variant: 'secondary', size: 'sm' })}
            >
              <Download aria-hidden />
              Validation file
            </a>
          ) : null}
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat
          label="Examples"
          testId="dataset-examples"
          value={`${formatInt(s.examples)} (${formatInt(s.train)} train / ${formatInt(s.validation)} validation)`}
        />
        <Stat label="Reviewed answers considered" value={formatInt(s.considered)} />
        <Stat
          label="Tokens"
          value={`${formatInt(s.tokens.total)} (mean ${formatInt(Math.round(s.tokens.mean))}, max ${formatInt(s.tokens.max)})`}
        />
        <Stat label="Documents covered" value={formatInt(s.documents.covered)} />
      </dl>
      <div className="mt-3 flex flex-wrap gap-1.5 text-xs">
        <Badge tone="emerald">{s.labels.approved} approved</Badge>
        <Badge tone="indigo">{s.labels.corrected} corrected</Badge>
        <Badge tone="slate">{s.labels.abstentions} abstentions</Badge>
        {s.distractors.total > 0 ? (
          <Badge tone="sky">
            {s.distractors.perExample} distractors per example ({s.distractors.total})
          </Badge>
        ) : null}
      </div>
      <ul className="mt-3 space-y-0.5 text-xs text-slate-600">
        <li>Filter: {describeFilter(dataset.filter).join(' · ') || 'defaults'}</li>
        {s.documents.slugs.length > 0 ? <li>Documents: {s.documents.slugs.join(', ')}</li> : null}
        <li data-testid="dataset-pii">
          PII replaced: {pii.length ? pii.map(([kind, n]) => `${kind} ${n}`).join(', ') : 'none'}
        </li>
        <li>Dropped: {dropped.length ? dropped.map(([why, n]) => `${why} ${n}`).join(', ') : 'none'}</li>
      </ul>
    </Card>
  )
}
