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
import { ROLES, requirePageRole } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { getTranslator } from '@/lib/server/i18n/server'
import { reviewEnv } from '@/lib/server/review/env'
import { formatInt } from '@/lib/shared/format'
import { encodeLogCursor } from '@/lib/shared/review/cursor'
import { activeFilterCount, type LogQuery, logQueryString, parseLogQuery } from '@/lib/shared/review/filters'
import { toViewer } from '@/lib/shared/review/viewer'

export const dynamic = 'force-dynamic'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

/** The answers log: every answered and abstained question, newest first, filtered and searchable. */
export default async function AnswersLogPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageRole(ROLES.reviewers)
  const viewer = toViewer(user)
  const t = await getTranslator()
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
      ? t('review.log.noAnswers')
      : t(total.capped ? 'review.log.summaryCapped' : 'review.log.summary', {
          shown: formatInt(shown),
          total: formatInt(total.count),
        })

  return (
    <>
      <PageHeader
        title={t('review.log.title')}
        description={user.role === 'admin' ? t('review.log.descriptionAdmin') : t('review.log.description')}
        actions={
          <Link
            href="/review/queue"
            className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500"
          >
            {t('review.log.startQueue')}
          </Link>
        }
      />
      {parsed.ok ? null : (
        <div className="mb-4">
          <Alert>{t('review.invalidFilters', { problem: parsed.error })}</Alert>
        </div>
      )}
      <AnswerLogFilters
        query={query}
        groups={groups.map((g) => ({ value: g.id, label: g.name }))}
        documents={documents.map((d) => ({
          value: d.id,
          label: d.deleted ? t('review.log.deletedDocument', { title: d.title }) : d.title,
        }))}
        models={models}
        lowScoreThreshold={lowScoreThreshold}
      />
      {shown === 0 ? (
        activeFilterCount(query) > 0 || query.cursor ? (
          <EmptyState title={t('review.log.noMatchTitle')}>
            <Link href="/review" className="text-indigo-700 underline">
              {t('review.log.clearFilters')}
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title={t('review.log.emptyTitle')}>{t('review.log.emptyText')}</EmptyState>
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
