import { decodeHandoffCursor, listHandoffs, type schema } from '@policydesk/db'
import Link from 'next/link'
import { age, HandoffStatusBadge } from '@/components/handoffs/status-badge'
import { Card, EmptyState, PageHeader } from '@/components/review/ui'
import { getDb } from '@/lib/server/db'
import { handoffViewer } from '@/lib/server/handoffs/handoffs'
import { requireHandoffsPage } from '@/lib/server/handoffs/page-access'
import { getTranslator } from '@/lib/server/i18n/server'
import { cn } from '@/lib/shared/utils'

export const dynamic = 'force-dynamic'

const TABS: { status: schema.HandoffStatus | undefined; label: 'all' | schema.HandoffStatus }[] = [
  { status: undefined, label: 'all' },
  { status: 'open', label: 'open' },
  { status: 'answered', label: 'answered' },
  { status: 'closed', label: 'closed' },
]

type SearchParams = Promise<Record<string, string | string[] | undefined>>

/** The inbox of questions employees handed to a person: newest first, filtered by status. */
export default async function HandoffsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireHandoffsPage()
  const t = await getTranslator()
  const params = await searchParams
  const status = TABS.find((tab) => tab.status !== undefined && tab.status === params.status)?.status
  const after =
    typeof params.after === 'string' ? (decodeHandoffCursor(params.after) ?? undefined) : undefined
  const page = await listHandoffs(getDb(), handoffViewer(user), { status, limit: 50, after })
  const rows = page.handoffs
  const now = new Date()
  return (
    <>
      <PageHeader title={t('handoffs.title')} description={t('handoffs.description')} />
      <nav aria-label={t('handoffs.statusNav')} className="mb-4 flex gap-1">
        {TABS.map((tab) => (
          <Link
            key={tab.label}
            href={tab.status ? `/handoffs?status=${tab.status}` : '/handoffs'}
            aria-current={tab.status === status ? 'page' : undefined}
            className={cn(
              'rounded-md px-3 py-1.5 text-sm',
              tab.status === status ? 'bg-indigo-600 text-white' : 'text-slate-700 hover:bg-slate-100',
            )}
          >
            {t(`handoffs.tabs.${tab.label}`)}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState title={status ? t('handoffs.noMatchTitle') : t('handoffs.emptyTitle')}>
          {t('handoffs.emptyText')}
        </EmptyState>
      ) : (
        <Card>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('handoffs.caption')}</caption>
            <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t('handoffs.columns.question')}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t('handoffs.columns.status')}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t('handoffs.columns.askedBy')}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t('handoffs.columns.assignee')}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t('handoffs.columns.group')}
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  {t('handoffs.columns.age')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((h) => (
                <tr key={h.id} data-testid="handoff-row">
                  <td className="max-w-md px-4 py-2.5">
                    <Link href={`/handoffs/${h.id}`} className="font-medium text-indigo-700 hover:underline">
                      {h.question}
                    </Link>
                  </td>
                  <td className="px-4 py-2.5">
                    <HandoffStatusBadge status={h.status} />
                  </td>
                  <td className="px-4 py-2.5 text-slate-700">{h.askerName ?? '—'}</td>
                  <td className="px-4 py-2.5 text-slate-700">{h.assigneeName ?? t('handoffs.unassigned')}</td>
                  <td className="px-4 py-2.5 text-slate-700">{h.routedGroupName ?? '—'}</td>
                  <td className="px-4 py-2.5 whitespace-nowrap text-slate-600">
                    {t('common.duration', age(h.createdAt, now))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      {page.nextCursor ? (
        <p className="mt-4">
          <Link
            href={`/handoffs?${new URLSearchParams({ ...(status ? { status } : {}), after: page.nextCursor })}`}
            className="text-sm text-indigo-700 underline"
          >
            {t('handoffs.older')}
          </Link>
        </p>
      ) : null}
    </>
  )
}
