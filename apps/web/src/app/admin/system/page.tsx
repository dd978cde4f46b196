import { listWebhookDeliveries, readHandoffEnv } from '@policydesk/db'
import { DatabaseCard } from '@/components/admin/system/database-card'
import { FailedIngestions } from '@/components/admin/system/failed-ingestions'
import { QueueCard } from '@/components/admin/system/queue-card'
import { WebhookDeliveries } from '@/components/admin/system/webhook-deliveries'
import { WorkersCard } from '@/components/admin/system/workers-card'
import { PageHeader } from '@/components/ui/form-controls'
import { ROLES, requirePageRole } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { getTranslator } from '@/lib/server/i18n/server'
import { readSystemStatus } from '@/lib/server/system/system-status'

export const dynamic = 'force-dynamic'

/** Admin: is ingestion flowing, what failed, are workers alive, how big is the database. */
export default async function SystemPage() {
  await requirePageRole(ROLES.admins)
  const [status, deliveries] = await Promise.all([readSystemStatus(), listWebhookDeliveries(getDb())])
  const t = await getTranslator()
  return (
    <>
      <PageHeader title={t('admin.system.title')} description={t('admin.system.description')} />
      <div className="flex flex-col gap-5">
        <QueueCard queue={status.queue} versions={status.versions} />
        <FailedIngestions rows={status.failedVersions} />
        <WebhookDeliveries rows={deliveries} configured={Boolean(readHandoffEnv().HANDOFF_WEBHOOK_URL)} />
        <div className="grid gap-5 lg:grid-cols-2">
          <WorkersCard workers={status.workers} lastReconcile={status.lastReconcile} />
          <DatabaseCard database={status.database} vectors={status.vectors} />
        </div>
      </div>
    </>
  )
}
