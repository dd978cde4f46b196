import type { AnswerLogRow } from '@policydesk/db'
import Link from 'next/link'
import { formatDateTime, formatScore } from '@/lib/review/format'
import { FlagBadges, RatingMark, VerdictBadge } from './badges'

/** The answers log: one row per logged answer, the question linking to its detail. */
export function AnswerLogTable({
  rows,
  lowScoreThreshold,
  backQuery,
}: {
  rows: AnswerLogRow[]
  lowScoreThreshold: number
  /** The log's query string, so the detail page can link back to the same filtered page. */
  backQuery: string
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm" data-testid="answer-log">
        <caption className="sr-only">Logged answers, newest first</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 whitespace-nowrap">
              Asked
            </th>
            <th scope="col" className="px-3 py-2">
              Question and answer
            </th>
            <th scope="col" className="px-3 py-2">
              Flags
            </th>
            <th scope="col" className="px-3 py-2">
              Feedback
            </th>
            <th scope="col" className="px-3 py-2">
              Review
            </th>
            <th scope="col" className="px-3 py-2">
              Cited
            </th>
            <th scope="col" className="px-3 py-2 text-right whitespace-nowrap">
              Top score
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="align-top hover:bg-slate-50" data-testid="answer-row">
              <td className="px-3 py-2.5 text-xs whitespace-nowrap text-slate-600">
                <div>{formatDateTime(row.createdAt)}</div>
                <div className="mt-0.5 max-w-40 truncate text-slate-500" title={row.userEmail ?? undefined}>
                  {row.userName ?? 'Unknown user'}
                </div>
              </td>
              <td className="max-w-xl px-3 py-2.5">
                <Link
                  href={`/review/answers/${row.id}${backQuery ? `?back=${encodeURIComponent(backQuery)}` : ''}`}
                  className="font-medium text-slate-900 underline-offset-2 hover:text-indigo-700 hover:underline"
                >
                  {row.question}
                </Link>
                <p className="mt-0.5 line-clamp-2 text-xs text-slate-600">{row.answerPreview}</p>
              </td>
              <td className="px-3 py-2.5">
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
                      row.unsupportedClaims ? `${row.unsupportedClaims} unsupported` : null,
                      row.invalidCitations ? `${row.invalidCitations} invalid citation(s)` : null,
                    ]
                      .filter(Boolean)
                      .join(', ')}
                  </p>
                ) : null}
              </td>
              <td className="px-3 py-2.5 whitespace-nowrap">
                <RatingMark rating={row.rating} />
              </td>
              <td className="px-3 py-2.5 whitespace-nowrap">
                <VerdictBadge verdict={row.verdict} />
              </td>
              <td className="max-w-56 px-3 py-2.5 text-xs text-slate-600">
                {row.citedTitles.length > 0 ? (
                  row.citedTitles.join('; ')
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </td>
              <td className="px-3 py-2.5 text-right font-mono text-xs text-slate-600 tabular-nums">
                {formatScore(row.topScore)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
