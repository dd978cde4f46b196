'use client'

import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { Card, CardHeader } from '@/components/ui/form-controls'
import { formatPages, formatScore } from '@/lib/admin/format'
import type { PlaygroundResult } from '@/lib/admin/playground-schema'
import { cn } from '@/lib/utils'

/** The top of the list is what matters; the long tail is one click away. */
const FIRST_PASSAGES = 10

export function PassagesCard({ result }: { result: PlaygroundResult }) {
  const [showAll, setShowAll] = useState(false)
  const shown = showAll ? result.passages : result.passages.slice(0, FIRST_PASSAGES)
  const hidden = result.passages.length - shown.length
  return (
    <Card aria-labelledby="pg-passages">
      <CardHeader
        title={<span id="pg-passages">Ranked passages</span>}
        description={`${result.passages.length} candidates from hybrid retrieval under this reader’s access: vector and full-text scores and ranks, fused with weighted reciprocal rank fusion. Highlighted rows became the answer’s context.`}
      />
      {result.passages.length === 0 ? (
        <p className="p-4 text-sm text-slate-600">No passage this reader may read matches the question.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Passages in fused rank order</caption>
            <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  #
                </th>
                <th scope="col" className="px-3 py-2">
                  Passage
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Vector
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Text
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Fused
                </th>
                <th scope="col" className="px-3 py-2">
                  Used
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => (
                <tr
                  key={p.chunkId}
                  className={cn('border-t border-slate-100 align-top', p.inContext && 'bg-indigo-50/40')}
                  data-testid="playground-passage"
                >
                  <td className="px-3 py-2 font-mono text-slate-700">{p.rank}</td>
                  <td className="max-w-xl px-3 py-2">
                    <div className="font-medium text-slate-900" data-testid="passage-title">
                      {p.title}
                    </div>
                    <div className="text-xs text-slate-500">
                      {[
                        p.headingPath.slice(1).join(' › ') || 'No heading',
                        formatPages(p.pageStart, p.pageEnd),
                        `${p.tokenCount} tokens`,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                    <details className="mt-1">
                      <summary className="cursor-pointer text-xs text-indigo-700">Passage text</summary>
                      <p className="mt-1 text-xs whitespace-pre-line text-slate-700">{p.text}</p>
                    </details>
                  </td>
                  <td className="px-3 py-2 text-right text-xs whitespace-nowrap tabular-nums">
                    {formatScore(p.vectorScore)}
                    <div className="text-slate-500">
                      {p.vectorRank !== null ? `rank ${p.vectorRank}` : 'not ranked'}
                    </div>
                  </td>
                  <td className="px-3 py-2 text-right text-xs whitespace-nowrap tabular-nums">
                    {formatScore(p.textScore)}
                    <div className="text-slate-500">
                      {p.textRank !== null ? `rank ${p.textRank}` : 'not ranked'}
                    </div>
                  </td>
                  <td className="px-3 py-2 text-right text-xs tabular-nums">
                    {formatScore(p.fusedScore, 4)}
                  </td>
                  <td className="px-3 py-2 text-xs whitespace-nowrap">
                    {p.inContext ? (
                      <span className="rounded bg-indigo-100 px-1.5 py-0.5 text-indigo-800">context</span>
                    ) : null}
                    {p.cited ? (
                      <span className="ml-1 rounded bg-emerald-100 px-1.5 py-0.5 text-emerald-800">
                        cited
                      </span>
                    ) : null}
                    {!p.inContext ? <span className="text-slate-400">–</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {hidden > 0 || showAll ? (
            <div className="border-t border-slate-100 px-4 py-2">
              <Button variant="ghost" size="sm" onClick={() => setShowAll(!showAll)} aria-expanded={showAll}>
                {showAll
                  ? `Show the top ${FIRST_PASSAGES} only`
                  : `Show all ${result.passages.length} passages`}
              </Button>
            </div>
          ) : null}
        </div>
      )}
    </Card>
  )
}
