import type { DetailCandidate } from '@policydesk/db'
import { Check, Lock } from 'lucide-react'
import { formatScore } from '@/lib/review/format'
import { cn } from '@/lib/utils'

const scoreCell = (score: number | null, rank: number | null) =>
  score === null && rank === null ? (
    <span className="text-slate-400">—</span>
  ) : (
    <>
      <span className="font-mono tabular-nums">{formatScore(score)}</span>
      <span className="ml-1 text-slate-500">#{rank ?? '–'}</span>
    </>
  )

const yes = (value: boolean, label: string) =>
  value ? (
    <span className="inline-flex items-center text-emerald-700">
      <Check className="size-4" aria-hidden />
      <span className="sr-only">{label}</span>
    </span>
  ) : (
    <span className="text-slate-300">
      <span aria-hidden>–</span>
      <span className="sr-only">not {label}</span>
    </span>
  )

/** Rows shown before "show all": everything given to the model or cited, and the top ranks. */
const ALWAYS_SHOWN_RANK = 10

function CandidateRows({ candidates }: { candidates: DetailCandidate[] }) {
  return (
    <>
      {candidates.map((c) => (
        <tr
          key={c.chunkId}
          className={cn('align-top', c.cited ? 'bg-indigo-50/60' : c.used ? 'bg-slate-50/80' : null)}
          data-testid="candidate-row"
        >
          <td className="px-3 py-2 text-right font-mono text-slate-600">{c.rank}</td>
          <td className="max-w-xl px-3 py-2">
            {c.readable ? (
              <>
                <div className="font-medium text-slate-900">
                  {c.title}
                  {c.versionNo !== null ? (
                    <span className="ml-1 font-normal text-slate-500">v{c.versionNo}</span>
                  ) : null}
                  {c.page !== null ? (
                    <span className="ml-1 font-normal text-slate-500">p. {c.page}</span>
                  ) : null}
                </div>
                {c.heading ? <div className="text-slate-500">{c.heading}</div> : null}
                {c.passage ? (
                  <details className="group mt-1">
                    <summary className="cursor-pointer text-indigo-700 select-none hover:underline">
                      <span className="group-open:hidden">Show passage</span>
                      <span className="hidden group-open:inline">Hide passage</span>
                    </summary>
                    <p
                      className="mt-1 rounded border border-slate-200 bg-white p-2 text-[13px] leading-relaxed whitespace-pre-line text-slate-800"
                      data-testid="candidate-passage"
                    >
                      {c.passage}
                    </p>
                  </details>
                ) : (
                  <div className="text-slate-500 italic">Passage no longer stored (document purged)</div>
                )}
              </>
            ) : (
              <span className="inline-flex items-center gap-1 text-slate-500 italic">
                <Lock className="size-3.5" aria-hidden />
                Restricted document (not readable by your groups)
              </span>
            )}
          </td>
          <td className="px-3 py-2 whitespace-nowrap">{scoreCell(c.vectorScore, c.vectorRank)}</td>
          <td className="px-3 py-2 whitespace-nowrap">{scoreCell(c.textScore, c.textRank)}</td>
          <td className="px-3 py-2 text-right font-mono tabular-nums">{formatScore(c.fusedScore)}</td>
          <td className="px-3 py-2 text-center">{yes(c.used, 'used')}</td>
          <td className="px-3 py-2 text-center">{yes(c.cited, 'cited')}</td>
        </tr>
      ))}
    </>
  )
}

function Head() {
  return (
    <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
      <tr>
        <th scope="col" className="px-3 py-2 text-right">
          Rank
        </th>
        <th scope="col" className="px-3 py-2">
          Document and passage
        </th>
        <th scope="col" className="px-3 py-2 whitespace-nowrap">
          Vector (score #rank)
        </th>
        <th scope="col" className="px-3 py-2 whitespace-nowrap">
          Full text (score #rank)
        </th>
        <th scope="col" className="px-3 py-2 text-right">
          Fused
        </th>
        <th scope="col" className="px-3 py-2 text-center">
          Used
        </th>
        <th scope="col" className="px-3 py-2 text-center">
          Cited
        </th>
      </tr>
    </thead>
  )
}

/**
 * Every retrieved candidate with both sides' scores and ranks and the fused score; used (given to the
 * model) and cited rows stand out; the passage text is one click away. Hidden documents are redacted.
 * Beyond the top ranks and the used ones, candidates sit behind a disclosure (40 rows is a lot to scan).
 */
export function CandidatesTable({ candidates }: { candidates: DetailCandidate[] }) {
  const shown = candidates.filter((c) => c.used || c.cited || c.rank <= ALWAYS_SHOWN_RANK)
  const rest = candidates.filter((c) => !shown.includes(c))
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-xs" data-testid="candidates">
        <caption className="sr-only">Retrieved candidates in fused order</caption>
        <Head />
        <tbody className="divide-y divide-slate-100">
          <CandidateRows candidates={shown} />
        </tbody>
      </table>
      {rest.length > 0 ? (
        <details className="border-t border-slate-200">
          <summary className="cursor-pointer px-3 py-2 text-xs text-indigo-700 select-none hover:underline">
            Show the other {rest.length} candidates (ranks {rest[0]?.rank}–{rest[rest.length - 1]?.rank}, not
            given to the model)
          </summary>
          <table className="w-full text-left text-xs">
            <caption className="sr-only">Lower-ranked candidates</caption>
            <Head />
            <tbody className="divide-y divide-slate-100">
              <CandidateRows candidates={rest} />
            </tbody>
          </table>
        </details>
      ) : null}
    </div>
  )
}
