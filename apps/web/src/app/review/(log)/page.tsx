import {
  countAnswerLog,
  listAnswerLog,
  listGroups,
  listLoggedModels,
  listReviewableDocuments,
} from '@policydesk/db'
import Link from 'next/link'
import { AnswerLogFilters } from '@/components/review/answer-log-filters'
import { AnswerLogTable } from '@/components/review/answer-log-table'
import { KeysetPagination } from '@/components/review/keyset-pagination'
import { Alert, EmptyState, PageHeader } from '@/components/review/ui'
import { ROLES, requirePageRole } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'
import { encodeLogCursor } from '@/lib/review/cursor'
import { reviewEnv } from '@/lib/review/env'
import { activeFilterCount, type LogQuery, logQueryString, parseLogQuery } from '@/lib/review/filters'
import { formatInt } from '@/lib/review/format'
import { toViewer } from '@/lib/review/viewer'

export const dynamic = 'force-dynamic'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

/** The answers log: every answered and abstained question, newest first, filtered and searchable. */
export default async function AnswersLogPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageRole(ROLES.reviewers)
  const viewer = toViewer(user)
  const { lowScoreThreshold } = reviewEnv()
  const parsed = parseLogQuery(await searchParams, lowScoreThreshold)
  const query: Partial<LogQuery> = parsed.ok ? parsed.query : {}
  const filters = parsed.ok ? parsed.filters : {}
  const db = getDb()
  const page = await listAnswerLog(db, viewer, filters, {
    cursor: parsed.ok ? parsed.cursor : undefined,
    direction: query.dir,
  })
  const [total, groups, documents, models] = await Promise.all([
    countAnswerLog(db, viewer, filters),
    listGroups(db),
    listReviewableDocuments(db, viewer),
    listLoggedModels(db),
  ])
  const filterQuery = logQueryString(query)
  const pageHref = (cursor: string, dir: 'older' | 'newer') =>
    `/review${logQueryString(query, { cursor, dir })}`
  const shown = page.rows.length
  const summary =
    shown === 0
      ? 'No answers'
      : `${formatInt(shown)} shown of ${total.capped ? `more than ${formatInt(total.count)}` : formatInt(total.count)} matching answers`

  return (
    <>
      <PageHeader
        title="Review"
        description={
          user.role === 'admin'
            ? 'Every answered and abstained question, newest first. As an admin you see all answers.'
            : 'Every answered and abstained question, newest first. Answers that used documents outside your groups are not shown.'
        }
        actions={
          <Link
            href="/review/queue"
            className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500"
          >
            Start the review queue
          </Link>
        }
      />
      {parsed.ok ? null : (
        <div className="mb-4">
          <Alert>Some filters were invalid and were ignored ({parsed.error}).</Alert>
        </div>
      )}
      <AnswerLogFilters
        query={query}
        groups={groups.map((g) => ({ value: g.id, label: g.name }))}
        documents={documents.map((d) => ({
          value: d.id,
          label: d.deleted ? `${d.title} (deleted)` : d.title,
        }))}
        models={models}
        lowScoreThreshold={lowScoreThreshold}
      />
      {shown === 0 ? (
        activeFilterCount(query) > 0 || query.cursor ? (
          <EmptyState title="No answers match these filters">
            <Link href="/review" className="text-indigo-700 underline">
              Clear the filters
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title="No answers yet">
            Answers appear here as soon as employees ask questions in the chat.
          </EmptyState>
        )
      ) : (
        <>
          <KeysetPagination
            summary={summary}
            newerHref={page.newer ? pageHref(encodeLogCursor(page.newer), 'newer') : null}
            olderHref={page.older ? pageHref(encodeLogCursor(page.older), 'older') : null}
          />
          <AnswerLogTable rows={page.rows} lowScoreThreshold={lowScoreThreshold} backQuery={filterQuery} />
          <KeysetPagination
            summary={summary}
            newerHref={page.newer ? pageHref(encodeLogCursor(page.newer), 'newer') : null}
            olderHref={page.older ? pageHref(encodeLogCursor(page.older), 'older') : null}
          />
        </>
      )}
    </>
  )
}
