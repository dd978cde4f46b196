import Link from 'next/link'
import type { GapCluster } from '@/lib/review/coverage-gaps'
import { formatDateTime } from '@/lib/review/format'
import { Card, CardTitle, EmptyState } from './ui'

/** The most frequent unanswered or disliked topics: where a policy is probably missing or unclear. */
export function CoverageGapsTable({ gaps, sample }: { gaps: GapCluster[]; sample: number }) {
  return (
    <Card>
      <CardTitle aside={`clustered from the latest ${sample} abstained or thumbs-down questions`}>
        Coverage gaps
      </CardTitle>
      {gaps.length === 0 ? (
        <div className="p-4">
          <EmptyState title="No gaps in this period">No question was abstained on or rated down.</EmptyState>
        </div>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="coverage-gaps">
            <caption className="sr-only">
              Topics of abstained or thumbs-down questions, most frequent first
            </caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2">
                  Topic (most recent wording) and variants
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Asked
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Abstained
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Thumbs down
                </th>
                <th scope="col" className="px-3 py-2 whitespace-nowrap">
                  Last asked
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {gaps.map((gap) => (
                <tr key={gap.label} className="align-top" data-testid="coverage-gap">
                  <td className="px-4 py-2.5">
                    <div className="font-medium text-slate-900">{gap.label}</div>
                    {gap.examples.length > 1 ? (
                      <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
                        {gap.examples.slice(1).map((e) => (
                          <li key={e.traceId}>
                            <Link
                              href={`/review/answers/${e.traceId}`}
                              className="hover:text-indigo-700 hover:underline"
                            >
                              {e.question}
                            </Link>
                            {e.count > 1 ? <span className="text-slate-400"> ×{e.count}</span> : null}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {gap.examples[0] ? (
                      <Link
                        href={`/review/answers/${gap.examples[0].traceId}`}
                        className="mt-1 inline-block text-xs text-indigo-700 underline"
                      >
                        Open the latest answer
                      </Link>
                    ) : null}
                  </td>
                  <td className="px-3 py-2.5 text-right font-mono tabular-nums">{gap.count}</td>
                  <td className="px-3 py-2.5 text-right font-mono tabular-nums">{gap.abstained}</td>
                  <td className="px-3 py-2.5 text-right font-mono tabular-nums">{gap.down}</td>
                  <td className="px-3 py-2.5 text-xs whitespace-nowrap text-slate-600">
                    {formatDateTime(gap.lastAskedAt)}
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
