import type { AnswerLogRow } from '@policydesk/db'
import Link from 'next/link'
import { type Column, DataTable } from '@/components/ui/data-table'
import { getTranslator, type ServerTranslator } from '@/lib/server/i18n/server'
import { formatDateTime, formatInt, formatScore } from '@/lib/shared/format'
import { FlagBadges, RatingMark, VerdictBadge } from './badges'

function columns(t: ServerTranslator, lowScoreThreshold: number, backQuery: string): Column<AnswerLogRow>[] {
  return [
    {
      key: 'asked',
      header: t('review.log.columns.asked'),
      nowrap: true,
      className: 'text-xs text-slate-600',
      cell: (row) => (
        <>
          <div>{formatDateTime(row.createdAt)}</div>
          <div className="mt-0.5 max-w-40 truncate text-slate-500" title={row.userEmail ?? undefined}>
            {row.userName ?? t('review.log.unknownUser')}
          </div>
        </>
      ),
    },
    {
      key: 'question',
      header: t('review.log.columns.question'),
      className: 'max-w-xl',
      cell: (row) => (
        <>
          <Link
            href={`/review/answers/${row.id}${backQuery ? `?back=${encodeURIComponent(backQuery)}` : ''}`}
            className="font-medium text-slate-900 underline-offset-2 hover:text-indigo-700 hover:underline"
          >
            {row.question}
          </Link>
          <p className="mt-0.5 line-clamp-2 text-xs text-slate-600">{row.answerPreview}</p>
        </>
      ),
    },
    {
      key: 'flags',
      header: t('review.log.columns.flags'),
      cell: (row) => (
        <>
          <FlagBadges
            flags={{
              abstained: row.abstained,
              cached: row.cached,
              model: row.model,
              validationFailed: row.validationFailed,
              lowScore: row.topScore !== null && row.topScore < lowScoreThreshold,
            }}
          />
          {row.validationFailed ? (
            <p className="mt-1 text-xs text-red-700">
              {[
                row.unsupportedClaims
                  ? t('review.log.unsupported', { n: formatInt(row.unsupportedClaims) })
                  : null,
                row.invalidCitations
                  ? t('review.log.invalidCitations', {
                      count: row.invalidCitations,
                      n: formatInt(row.invalidCitations),
                    })
                  : null,
              ]
                .filter(Boolean)
                .join(', ')}
            </p>
          ) : null}
        </>
      ),
    },
    {
      key: 'feedback',
      header: t('review.log.columns.feedback'),
      nowrap: true,
      cell: (row) => <RatingMark rating={row.rating} />,
    },
    {
      key: 'review',
      header: t('review.log.columns.review'),
      nowrap: true,
      cell: (row) => <VerdictBadge verdict={row.verdict} />,
    },
    {
      key: 'cited',
      header: t('review.log.columns.cited'),
      className: 'max-w-56 text-xs text-slate-600',
      cell: (row) =>
        row.citedTitles.length > 0 ? row.citedTitles.join('; ') : <span className="text-slate-500">—</span>,
    },
    {
      key: 'evidence',
      header: t('review.log.columns.evidence'),
      numeric: true,
      nowrap: true,
      className: 'text-xs text-slate-600',
      cell: (row) => formatScore(row.topScore),
    },
  ]
}

/** The answers log: one row per logged answer, the question linking to its detail. */
export async function AnswerLogTable({
  rows,
  lowScoreThreshold,
  backQuery,
}: {
  rows: AnswerLogRow[]
  lowScoreThreshold: number
  /** The log's query string, so the detail page can link back to the same filtered page. */
  backQuery: string
}) {
  const t = await getTranslator()
  return (
    <DataTable
      framed
      caption={t('review.log.caption')}
      columns={columns(t, lowScoreThreshold, backQuery)}
      rows={rows}
      rowKey={(row) => row.id}
      testId="answer-log"
      rowTestId="answer-row"
      rowClassName="hover:bg-slate-50"
    />
  )
}
