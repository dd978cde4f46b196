import { type Column, DataTable } from '@/components/ui/data-table'
import { Card, CardHeader, EmptyState } from '@/components/ui/form-controls'
import { getTranslator, type ServerTranslator } from '@/lib/server/i18n/server'
import type { SystemStatus } from '@/lib/server/system/system-status'
import { ageOf, formatDateTime, formatInt } from '@/lib/shared/format'
import { cn } from '@/lib/shared/utils'

type Worker = SystemStatus['workers'][number]

const columns = (t: ServerTranslator): Column<Worker>[] => [
  {
    key: 'worker',
    header: t('admin.system.workers.worker'),
    className: 'font-mono text-xs',
    cell: (worker) => t('admin.system.workers.hostPid', { host: worker.host, pid: String(worker.pid) }),
  },
  { key: 'mode', header: t('admin.system.workers.mode'), cell: (worker) => worker.mode },
  {
    key: 'state',
    header: t('admin.system.workers.state'),
    cell: (worker) => (
      <span className={cn('font-medium', worker.alive ? 'text-emerald-700' : 'text-red-700')}>
        {worker.alive ? t('admin.system.workers.alive') : t('admin.system.workers.notResponding')}
      </span>
    ),
  },
  {
    key: 'heartbeat',
    header: t('admin.system.workers.heartbeat'),
    cell: (worker) => t('common.ago', ageOf(worker.ageSeconds)),
  },
  {
    key: 'started',
    header: t('admin.system.workers.started'),
    nowrap: true,
    cell: (worker) => formatDateTime(worker.startedAt),
  },
]

/** Worker processes by their heartbeat, and the last reconciler pass. */
export async function WorkersCard({
  workers,
  lastReconcile,
}: Pick<SystemStatus, 'workers' | 'lastReconcile'>) {
  const t = await getTranslator()
  return (
    <Card aria-labelledby="workers-heading">
      <CardHeader
        title={<span id="workers-heading">{t('admin.system.workers.title')}</span>}
        description={
          lastReconcile
            ? t('admin.system.workers.lastReconcile', {
                at: formatDateTime(lastReconcile.at),
                count: lastReconcile.requeued ?? 0,
                n: formatInt(lastReconcile.requeued ?? 0),
              })
            : t('admin.system.workers.noReconcile')
        }
      />
      {workers.length === 0 ? (
        <div className="p-4">
          <EmptyState title={t('admin.system.workers.emptyTitle')}>
            {t('admin.system.workers.emptyText')}
          </EmptyState>
        </div>
      ) : (
        <DataTable
          caption={t('admin.system.workers.caption')}
          columns={columns(t)}
          rows={workers}
          rowKey={(worker) => worker.id}
        />
      )}
    </Card>
  )
}
