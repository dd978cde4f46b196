import type { WebhookDeliveryRow } from '@policydesk/db'
import { Card, CardHeader, EmptyState } from '@/components/ui/form-controls'
import { getTranslator } from '@/lib/server/i18n/server'
import { formatDateTime } from '@/lib/shared/format'
import { WebhookRetryButton } from './webhook-retry-button'

const STATUS_CLASS = {
  failed: 'text-red-800',
  pending: 'text-amber-800',
  delivered: 'text-emerald-800',
} as const

/** Handoff webhook deliveries (HANDOFF_WEBHOOK_URL): failed first, with their error and a retry. */
export async function WebhookDeliveries({
  rows,
  configured,
}: {
  rows: WebhookDeliveryRow[]
  configured: boolean
}) {
  const t = await getTranslator()
  return (
    <Card aria-labelledby="webhooks-heading">
      <CardHeader
        title={<span id="webhooks-heading">{t('admin.system.webhooks.title')}</span>}
        description={t('admin.system.webhooks.description')}
      />
      {rows.length === 0 ? (
        <div className="p-4">
          <EmptyState
            title={
              configured
                ? t('admin.system.webhooks.emptyTitle')
                : t('admin.system.webhooks.notConfiguredTitle')
            }
          >
            {configured ? t('admin.system.webhooks.emptyText') : t('admin.system.webhooks.notConfiguredText')}
          </EmptyState>
        </div>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('admin.system.webhooks.caption')}</caption>
            <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('admin.system.webhooks.event')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('admin.system.webhooks.status')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('admin.system.webhooks.attempts')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('admin.system.webhooks.lastError')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('admin.system.webhooks.created')}
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">{t('admin.system.webhooks.retry')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.id}
                  className="border-t border-slate-100 align-top"
                  data-testid="webhook-delivery"
                >
                  <td className="px-3 py-2">
                    <div className="font-medium">{row.event}</div>
                    {row.question ? <div className="text-xs text-slate-500">{row.question}</div> : null}
                  </td>
                  <td className={`px-3 py-2 ${STATUS_CLASS[row.status]}`}>{row.status}</td>
                  <td className="px-3 py-2 tabular-nums">{row.attempts}</td>
                  <td className="px-3 py-2 text-red-800">{row.lastError ?? '–'}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(row.createdAt)}</td>
                  <td className="px-3 py-2">
                    {row.status === 'failed' ? <WebhookRetryButton id={row.id} event={row.event} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  )
}
