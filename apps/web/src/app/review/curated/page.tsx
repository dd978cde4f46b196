import { listCuratedAnswers, type schema } from '@policydesk/db'
import Link from 'next/link'
import { CuratedActions } from '@/components/review/curated-actions'
import { Badge, Card, EmptyState, PageHeader } from '@/components/review/ui'
import { ROLES, requirePageRole } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'
import { formatDateTime } from '@/lib/review/format'
import { toViewer } from '@/lib/review/viewer'
import { cn } from '@/lib/utils'

export const dynamic = 'force-dynamic'

const TABS: { status: schema.CuratedStatus | undefined; label: string }[] = [
  { status: undefined, label: 'All' },
  { status: 'needs_review', label: 'Needs review' },
  { status: 'active', label: 'Active' },
  { status: 'retired', label: 'Retired' },
]

const STATUS_BADGE: Record<schema.CuratedStatus, { tone: 'emerald' | 'amber' | 'slate'; text: string }> = {
  active: { tone: 'emerald', text: 'Active' },
  needs_review: { tone: 'amber', text: 'Needs review' },
  retired: { tone: 'slate', text: 'Retired' },
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>

/** Curated answers: what is served instead of generating, which need a look (sources changed), retired. */
export default async function CuratedAnswersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageRole(ROLES.reviewers)
  const raw = (await searchParams).status
  const status = TABS.find((t) => t.status !== undefined && t.status === raw)?.status
  const rows = await listCuratedAnswers(getDb(), toViewer(user), { status })
  return (
    <>
      <PageHeader
        title="Curated answers"
        description="Reviewed answers served to later questions that match them closely (and only to employees who may read every cited document). When a cited document changes, the answer is flagged instead of served."
      />
      <nav aria-label="Status" className="mb-4 flex gap-1">
        {TABS.map((t) => (
          <Link
            key={t.label}
            href={t.status ? `/review/curated?status=${t.status}` : '/review/curated'}
            aria-current={t.status === status ? 'page' : undefined}
            className={cn(
              'rounded-md px-3 py-1.5 text-sm',
              t.status === status ? 'bg-indigo-600 text-white' : 'text-slate-700 hover:bg-slate-100',
            )}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState title={status ? 'No curated answers with this status' : 'No curated answers yet'}>
          Correct or approve an answer in the{' '}
          <Link href="/review" className="text-indigo-700 underline">
            answers log
          </Link>{' '}
          and promote it.
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
                      Promoted {formatDateTime(row.createdAt)}
                      {row.createdByName ? ` by ${row.createdByName}` : ''}
                      {row.sourceTraceId ? (
                        <>
                          {' · '}
                          <Link
                            href={`/review/answers/${row.sourceTraceId}`}
                            className="text-indigo-700 underline"
                          >
                            source answer
                          </Link>
                        </>
                      ) : null}
                    </p>
                  </div>
                  <Badge tone={STATUS_BADGE[row.status].tone}>{STATUS_BADGE[row.status].text}</Badge>
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
