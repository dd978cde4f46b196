import { applicabilityLabel, listCuratedAnswers, type schema } from '@policydesk/db'
import Link from 'next/link'
import { CuratedActions } from '@/components/review/curated-actions'
import { Badge, Card, EmptyState, PageHeader } from '@/components/review/ui'
import { ROLES, requirePageRole } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { getTranslator } from '@/lib/server/i18n/server'
import { formatDateTime } from '@/lib/shared/format'
import { toViewer } from '@/lib/shared/review/viewer'
import { cn } from '@/lib/shared/utils'

export const dynamic = 'force-dynamic'

const TABS: {
  status: schema.CuratedStatus | undefined
  key: 'all' | 'needsReview' | 'active' | 'retired'
}[] = [
  { status: undefined, key: 'all' },
  { status: 'needs_review', key: 'needsReview' },
  { status: 'active', key: 'active' },
  { status: 'retired', key: 'retired' },
]

const STATUS_BADGE: Record<
  schema.CuratedStatus,
  { tone: 'emerald' | 'amber' | 'slate'; key: 'active' | 'needsReview' | 'retired' }
> = {
  active: { tone: 'emerald', key: 'active' },
  needs_review: { tone: 'amber', key: 'needsReview' },
  retired: { tone: 'slate', key: 'retired' },
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>

/** Curated answers: what is served instead of generating, which need a look (sources changed), retired. */
export default async function CuratedAnswersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageRole(ROLES.reviewers)
  const t = await getTranslator()
  const raw = (await searchParams).status
  const status = TABS.find((tab) => tab.status !== undefined && tab.status === raw)?.status
  const rows = await listCuratedAnswers(getDb(), toViewer(user), { status })
  return (
    <>
      <PageHeader title={t('review.curated.title')} description={t('review.curated.description')} />
      <nav aria-label={t('review.curated.statusNav')} className="mb-4 flex gap-1">
        {TABS.map((tab) => (
          <Link
            key={tab.key}
            href={tab.status ? `/review/curated?status=${tab.status}` : '/review/curated'}
            aria-current={tab.status === status ? 'page' : undefined}
            className={cn(
              'rounded-md px-3 py-1.5 text-sm',
              tab.status === status ? 'bg-indigo-600 text-white' : 'text-slate-700 hover:bg-slate-100',
            )}
          >
            {t(`review.curated.status.${tab.key}`)}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState title={status ? t('review.curated.noneWithStatus') : t('review.curated.emptyTitle')}>
          {t.rich('review.curated.emptyText', {
            log: (chunks) => (
              <Link href="/review" className="text-indigo-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {rows.map((row) => (
            <li key={row.id}>
              <Card className="p-4" data-testid="curated-answer">
                <div className="mb-2 flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <h2 className="font-medium text-slate-900">{row.question}</h2>
                    <p className="text-xs text-slate-500">
                      {row.createdByName
                        ? t('review.curated.promotedBy', {
                            at: formatDateTime(row.createdAt),
                            name: row.createdByName,
                          })
                        : t('review.curated.promoted', { at: formatDateTime(row.createdAt) })}
                      {row.sourceTraceId ? (
                        <>
                          {' · '}
                          <Link
                            href={`/review/answers/${row.sourceTraceId}`}
                            className="text-indigo-700 underline"
                          >
                            {t('review.curated.sourceAnswer')}
                          </Link>
                        </>
                      ) : null}
                      {applicabilityLabel(row.applicability) ? (
                        <>
                          {' · '}
                          <span data-testid="curated-applies-to">
                            {t('review.curated.appliesTo', {
                              who: applicabilityLabel(row.applicability) ?? '',
                            })}
                          </span>
                        </>
                      ) : null}
                    </p>
                  </div>
                  <Badge tone={STATUS_BADGE[row.status].tone}>
                    {t(`review.curated.status.${STATUS_BADGE[row.status].key}`)}
                  </Badge>
                </div>
                {row.statusReason && row.status !== 'active' ? (
                  <p
                    className={cn(
                      'mb-2 rounded px-2 py-1 text-xs',
                      row.status === 'needs_review'
                        ? 'bg-amber-50 text-amber-900'
                        : 'bg-slate-50 text-slate-600',
                    )}
                  >
                    {row.statusReason}
                  </p>
                ) : null}
                <p className="text-sm whitespace-pre-line text-slate-800">{row.answer}</p>
                <ul className="mt-2 space-y-0.5 text-xs text-slate-600">
                  {row.citations.map((c) => (
                    <li key={c.n}>
                      <span className="font-mono text-indigo-700">[{c.n}]</span> {c.title}
                      {c.quote ? <span className="text-slate-500"> — “{c.quote}”</span> : null}
                    </li>
                  ))}
                </ul>
                <div className="mt-3">
                  <CuratedActions id={row.id} status={row.status} />
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
