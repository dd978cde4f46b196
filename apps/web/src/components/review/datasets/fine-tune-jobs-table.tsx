import type { FineTuneJobListRow } from '@policydesk/db'
import { Badge, type BadgeTone, Card, CardTitle } from '@/components/review/ui'
import { type Column, DataTable } from '@/components/ui/data-table'
import { getTranslator, type ServerTranslator } from '@/lib/server/i18n/server'
import { formatDateTime } from '@/lib/shared/format'

const STATUS_TONE: Record<string, BadgeTone> = {
  succeeded: 'emerald',
  failed: 'red',
  cancelled: 'slate',
  running: 'sky',
  queued: 'amber',
  validating_files: 'amber',
}

const columns = (t: ServerTranslator): Column<FineTuneJobListRow>[] => [
  {
    key: 'dataset',
    header: t('review.datasets.jobs.dataset'),
    className: 'break-all',
    cell: (job) => job.datasetName,
  },
  {
    key: 'base',
    header: t('review.datasets.jobs.base'),
    className: 'font-mono text-xs',
    cell: (job) => job.baseModel,
  },
  {
    key: 'status',
    header: t('review.datasets.jobs.status'),
    cell: (job) => (
      <>
        <Badge tone={STATUS_TONE[job.status] ?? 'slate'}>{job.status}</Badge>
        {job.error ? <p className="mt-1 text-xs text-red-700">{job.error}</p> : null}
      </>
    ),
  },
  {
    key: 'result',
    header: t('review.datasets.jobs.result'),
    className: 'font-mono text-xs break-all',
    cell: (job) => job.resultModel ?? '—',
  },
  {
    key: 'event',
    header: t('review.datasets.jobs.event'),
    className: 'text-xs text-slate-600',
    cell: (job) => job.events.at(-1)?.message ?? '—',
  },
  {
    key: 'updated',
    header: t('review.datasets.jobs.updated'),
    nowrap: true,
    className: 'text-xs text-slate-500',
    cell: (job) => formatDateTime(job.updatedAt),
  },
]

/** Fine-tuning jobs, newest first, with the provider's status, the resulting model and the last event. */
export async function FineTuneJobsTable({ jobs }: { jobs: FineTuneJobListRow[] }) {
  const t = await getTranslator()
  return (
    <Card>
      <CardTitle aside="policydesk finetune submit | status">{t('review.datasets.jobs.title')}</CardTitle>
      {jobs.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-600">
          {t.rich('review.datasets.jobs.empty', {
            code: (chunks) => <code className="rounded bg-slate-100 px-1">{chunks}</code>,
          })}
        </p>
      ) : (
        <DataTable
          caption={t('review.datasets.jobs.title')}
          columns={columns(t)}
          rows={jobs}
          rowKey={(job) => job.id}
          rowTestId="finetune-job"
        />
      )}
    </Card>
  )
}
