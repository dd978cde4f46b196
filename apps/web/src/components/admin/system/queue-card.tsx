import { type Column, DataTable } from '@/components/ui/data-table'
import { Alert, Card, CardHeader } from '@/components/ui/form-controls'
import { getTranslator, type ServerTranslator } from '@/lib/server/i18n/server'
import type { SystemStatus } from '@/lib/server/system/system-status'
import { formatDateTime } from '@/lib/shared/format'
import { StatGrid } from './stat-grid'

type FailedJob = Extract<SystemStatus['queue'], { mode: 'redis' }>['overview']['failed'][number]

const failedJobColumns = (t: ServerTranslator): Column<FailedJob>[] => [
  { key: 'job', header: t('admin.system.queue.job'), className: 'font-mono text-xs', cell: (job) => job.id },
  {
    key: 'error',
    header: t('admin.system.error'),
    className: 'text-red-800',
    cell: (job) => job.reason || '–',
  },
  {
    key: 'attempts',
    header: t('admin.system.attempts'),
    className: 'tabular-nums',
    cell: (job) => job.attemptsMade,
  },
  {
    key: 'failed',
    header: t('admin.system.failedAt'),
    nowrap: true,
    cell: (job) => formatDateTime(job.failedAt),
  },
]

/** BullMQ queue counts and failed jobs, or what replaces the queue without Redis. */
export async function QueueCard({ queue, versions }: Pick<SystemStatus, 'queue' | 'versions'>) {
  const t = await getTranslator()
  return (
    <Card aria-labelledby="queue-heading">
      <CardHeader
        title={<span id="queue-heading">{t('admin.system.queue.title')}</span>}
        description={queue.mode === 'inline' ? t('admin.system.queue.inline') : t('admin.system.queue.redis')}
      />
      {queue.mode === 'redis-unreachable' ? (
        <div className="px-4 pt-4">
          <Alert>{t('admin.system.queue.unreachable', { error: queue.error })}</Alert>
        </div>
      ) : null}
      {queue.mode === 'redis' ? (
        <StatGrid
          label={t('admin.system.queue.jobsByState')}
          stats={[
            {
              label: t('admin.system.queue.waiting'),
              value: queue.overview.counts.waiting + queue.overview.counts.prioritized,
            },
            { label: t('admin.system.queue.active'), value: queue.overview.counts.active },
            {
              label: t('admin.system.queue.delayed'),
              value: queue.overview.counts.delayed,
              tone: queue.overview.counts.delayed ? 'warn' : 'normal',
            },
            {
              label: t('admin.system.queue.failed'),
              value: queue.overview.counts.failed,
              tone: queue.overview.counts.failed ? 'bad' : 'normal',
            },
            { label: t('admin.system.queue.completed'), value: queue.overview.counts.completed },
            {
              label: t('admin.system.queue.workers'),
              value: queue.overview.workers,
              tone: queue.overview.workers ? 'normal' : 'bad',
            },
          ]}
        />
      ) : null}
      <StatGrid
        label={t('admin.system.queue.versionsByStatus')}
        stats={[
          { label: t('admin.system.queue.versionsQueued'), value: versions.queued },
          { label: t('admin.system.queue.versionsProcessing'), value: versions.processing },
          { label: t('admin.system.queue.versionsReady'), value: versions.ready },
          {
            label: t('admin.system.queue.versionsFailed'),
            value: versions.failed,
            tone: versions.failed ? 'bad' : 'normal',
          },
        ]}
      />
      {queue.mode === 'redis' && queue.overview.failed.length > 0 ? (
        <div className="border-t border-slate-200">
          <DataTable
            showCaption
            caption={t('admin.system.queue.failedCaption')}
            columns={failedJobColumns(t)}
            rows={queue.overview.failed}
            rowKey={(job) => job.id}
          />
        </div>
      ) : null}
    </Card>
  )
}
