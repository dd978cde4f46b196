import type { DetailCandidate } from '@policydesk/db'
import { Check, Lock } from 'lucide-react'
import { getTranslator, type ServerTranslator } from '@/lib/server/i18n/server'
import { formatScore } from '@/lib/shared/format'
import { cn } from '@/lib/shared/utils'

const scoreCell = (score: number | null, rank: number | null) =>
  score === null && rank === null ? (
    <span className="text-slate-500">—</span>
  ) : (
    <>
      <span className="font-mono tabular-nums">{formatScore(score)}</span>
      <span className="ml-1 text-slate-600">#{rank ?? '–'}</span>
    </>
  )

const yes = (t: ServerTranslator, value: boolean, label: string) =>
  value ? (
    <span className="inline-flex items-center text-emerald-700">
      <Check className="size-4" aria-hidden />
      <span className="sr-only">{label}</span>
    </span>
  ) : (
    <span className="text-slate-300">
      <span aria-hidden>–</span>
      <span className="sr-only">{t('review.detail.candidates.not', { label })}</span>
    </span>
  )

/** Rows shown before "show all": everything given to the model or cited, and the top ranks. */
const ALWAYS_SHOWN_RANK = 10

function CandidateRows({ t, candidates }: { t: ServerTranslator; candidates: DetailCandidate[] }) {
  return (
    <>
      {candidates.map((c) => (
        <tr
          key={c.chunkId ?? `redacted-${c.rank}`}
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
                    <span className="ml-1 font-normal text-slate-600">v{c.versionNo}</span>
                  ) : null}
                  {c.page !== null ? (
                    <span className="ml-1 font-normal text-slate-600">
                      {t('review.detail.candidates.page', { page: String(c.page) })}
                    </span>
                  ) : null}
                </div>
                {c.heading ? <div className="text-slate-600">{c.heading}</div> : null}
                {c.passage ? (
                  <details className="group mt-1">
                    <summary className="cursor-pointer text-indigo-700 select-none hover:underline">
                      <span className="group-open:hidden">{t('review.detail.candidates.showPassage')}</span>
                      <span className="hidden group-open:inline">
                        {t('review.detail.candidates.hidePassage')}
                      </span>
                    </summary>
                    <p
                      className="mt-1 rounded border border-slate-200 bg-white p-2 text-[13px] leading-relaxed whitespace-pre-line text-slate-800"
                      data-testid="candidate-passage"
                    >
                      {c.passage}
                    </p>
                  </details>
                ) : (
                  <div className="text-slate-600 italic">{t('review.detail.candidates.purged')}</div>
                )}
              </>
            ) : (
              <span className="inline-flex items-center gap-1 text-slate-600 italic">
                <Lock className="size-3.5" aria-hidden />
                {t('review.detail.candidates.restricted')}
              </span>
            )}
          </td>
          <td className="px-3 py-2 whitespace-nowrap">{scoreCell(c.vectorScore, c.vectorRank)}</td>
          <td className="px-3 py-2 whitespace-nowrap">{scoreCell(c.textScore, c.textRank)}</td>
          <td className="px-3 py-2 text-right font-mono tabular-nums">{formatScore(c.fusedScore)}</td>
          <td className="px-3 py-2 text-center">{yes(t, c.used, t('review.detail.candidates.used'))}</td>
          <td className="px-3 py-2 text-center">{yes(t, c.cited, t('review.detail.candidates.cited'))}</td>
        </tr>
      ))}
    </>
  )
}

function Head({ t }: { t: ServerTranslator }) {
  return (
    <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
      <tr>
        <th scope="col" className="px-3 py-2 text-right">
          {t('review.detail.candidates.rank')}
        </th>
        <th scope="col" className="px-3 py-2">
          {t('review.detail.candidates.document')}
        </th>
        <th scope="col" className="px-3 py-2 whitespace-nowrap">
          {t('review.detail.candidates.vector')}
        </th>
        <th scope="col" className="px-3 py-2 whitespace-nowrap">
          {t('review.detail.candidates.fullText')}
        </th>
        <th scope="col" className="px-3 py-2 text-right">
          {t('review.detail.candidates.fused')}
        </th>
        <th scope="col" className="px-3 py-2 text-center">
          {t('review.detail.candidates.usedColumn')}
        </th>
        <th scope="col" className="px-3 py-2 text-center">
          {t('review.detail.candidates.citedColumn')}
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
export async function CandidatesTable({ candidates }: { candidates: DetailCandidate[] }) {
  const t = await getTranslator()
  const shown = candidates.filter((c) => c.used || c.cited || c.rank <= ALWAYS_SHOWN_RANK)
  const rest = candidates.filter((c) => !shown.includes(c))
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-xs" data-testid="candidates">
        <caption className="sr-only">{t('review.detail.candidates.caption')}</caption>
        <Head t={t} />
        <tbody className="divide-y divide-slate-100">
          <CandidateRows t={t} candidates={shown} />
        </tbody>
      </table>
      {rest.length > 0 ? (
        <details className="border-t border-slate-200">
          <summary className="cursor-pointer px-3 py-2 text-xs text-indigo-700 select-none hover:underline">
            {t('review.detail.candidates.showOthers', {
              n: String(rest.length),
              first: String(rest[0]?.rank ?? ''),
              last: String(rest[rest.length - 1]?.rank ?? ''),
            })}
          </summary>
          <table className="w-full text-left text-xs">
            <caption className="sr-only">{t('review.detail.candidates.lowerCaption')}</caption>
            <Head t={t} />
            <tbody className="divide-y divide-slate-100">
              <CandidateRows t={t} candidates={rest} />
            </tbody>
          </table>
        </details>
      ) : null}
    </div>
  )
}
