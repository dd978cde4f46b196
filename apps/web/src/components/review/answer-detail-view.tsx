import type { AnswerDetail } from '@policydesk/db'
import { MessageSquareText } from 'lucide-react'
import type { ReactNode } from 'react'
import { getTranslator } from '@/lib/server/i18n/server'
import { formatDateTime, formatInt, formatMs, formatScore, formatUsd } from '@/lib/shared/format'
import { cn } from '@/lib/shared/utils'
import { AnswerSentences } from './answer-sentences'
import { FlagBadges, RatingMark } from './badges'
import { CandidatesTable } from './candidates-table'
import { LatencyBars } from './latency-bars'
import { ToolCallsCard } from './tool-calls'
import { Badge, Card, CardTitle } from './ui'

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-sm text-slate-900">{children}</dd>
    </div>
  )
}

/** Everything behind one answer, read-only: the analyst's evidence for a verdict. */
export async function AnswerDetailView({
  detail,
  lowScoreThreshold,
  headingLevel = 1,
}: {
  detail: AnswerDetail
  lowScoreThreshold: number
  headingLevel?: 1 | 2
}) {
  const t = await getTranslator()
  const { trace, candidates } = detail
  const Heading = headingLevel === 1 ? 'h1' : 'h2'
  const validationFailed =
    !trace.abstained &&
    (trace.validation.invalidCitations.length > 0 ||
      trace.validation.sentences.some((s) => s.claim && !s.supported))
  const usedCount = candidates.filter((c) => c.used).length
  const citedCount = candidates.filter((c) => c.cited).length
  // The turns before this one: drop the answer itself and the question it answers (shown above).
  const currentAt = detail.conversation.findIndex((m) => m.current)
  const turnStart =
    currentAt > 0 && detail.conversation[currentAt - 1]?.role === 'user' ? currentAt - 1 : currentAt
  const earlier = currentAt === -1 ? [] : detail.conversation.slice(0, turnStart)

  return (
    <div className="space-y-4">
      <Card className="p-4">
        <div className="mb-2 flex flex-wrap items-center gap-2 text-xs text-slate-500">
          <span>{formatDateTime(trace.createdAt)}</span>
          <span aria-hidden>·</span>
          <span>
            {detail.user ? `${detail.user.name} (${detail.user.email})` : t('review.detail.unknownUser')}
          </span>
          <FlagBadges
            flags={{
              abstained: trace.abstained,
              cached: trace.cached,
              model: trace.model,
              validationFailed,
              lowScore: trace.topScore !== null && trace.topScore < lowScoreThreshold,
            }}
          />
        </div>
        <Heading className="text-xl font-semibold text-slate-900" data-testid="detail-question">
          {trace.question}
        </Heading>
        {trace.rewrittenQuery !== trace.question ? (
          <p className="mt-1 text-sm text-slate-600">
            <span className="font-medium text-slate-700">{t('review.detail.rewritten')}</span>{' '}
            {trace.rewrittenQuery}
          </p>
        ) : (
          <p className="mt-1 text-xs text-slate-500">{t('review.detail.unchanged')}</p>
        )}
        <div className="mt-3 rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="user-feedback">
          <div className="mb-1 text-xs font-medium text-slate-600">{t('review.detail.feedback')}</div>
          {detail.feedback ? (
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <RatingMark rating={detail.feedback.rating} />
              {detail.feedback.reason ? <Badge>{detail.feedback.reason}</Badge> : null}
              {detail.feedback.comment ? <q className="text-slate-800">{detail.feedback.comment}</q> : null}
            </div>
          ) : (
            <p className="text-sm text-slate-500">{t('review.detail.noRating')}</p>
          )}
        </div>
      </Card>

      {earlier.length > 0 ? (
        <Card>
          <CardTitle aside={t('review.detail.earlier', { count: earlier.length, n: String(earlier.length) })}>
            {t('review.detail.conversation')}
          </CardTitle>
          <ol className="space-y-2 p-4" data-testid="conversation-context">
            {earlier.map((m) => (
              <li
                key={m.id}
                className={cn(
                  'max-w-[85%] rounded-lg px-3 py-2 text-sm',
                  m.role === 'user' ? 'ml-auto bg-indigo-600 text-white' : 'bg-slate-100 text-slate-800',
                )}
              >
                <span className="sr-only">
                  {m.role === 'user' ? t('review.detail.employee') : t('review.detail.assistant')}
                </span>
                {m.content ?? <span className="italic text-slate-500">{t('review.detail.hidden')}</span>}
              </li>
            ))}
          </ol>
        </Card>
      ) : null}

      <Card>
        <CardTitle
          aside={t('review.detail.answerAside', {
            percent: String(Math.round(trace.validation.supportedSentenceRate * 100)),
            count: trace.citations.length,
            n: String(trace.citations.length),
          })}
        >
          <span className="inline-flex items-center gap-1.5">
            <MessageSquareText className="size-4 text-slate-500" aria-hidden />
            {t('review.detail.answer')}
          </span>
        </CardTitle>
        {trace.abstained ? (
          <p className="border-b border-slate-100 bg-sky-50 px-4 py-2 text-sm text-sky-900">
            {t('review.detail.abstained', { answer: trace.answer })}
          </p>
        ) : null}
        {trace.validation.sentences.length > 0 ? (
          <AnswerSentences validation={trace.validation} citations={trace.citations} />
        ) : (
          <p className="px-4 py-3 text-sm whitespace-pre-line text-slate-800">{trace.answer}</p>
        )}
        {trace.validation.invalidCitations.length > 0 ? (
          <p className="border-t border-red-100 bg-red-50 px-4 py-2 text-xs text-red-800">
            {t('review.detail.invalidCitations', {
              list: trace.validation.invalidCitations.map((n) => `[${n}]`).join(', '),
            })}
          </p>
        ) : null}
        {trace.citations.length > 0 ? (
          <ul
            className="space-y-1 border-t border-slate-100 px-4 py-3 text-xs text-slate-700"
            data-testid="citations"
          >
            {trace.citations.map((c) => (
              <li key={c.n}>
                <span className="mr-1 font-mono text-indigo-700">[{c.n}]</span>
                <span className="font-medium">{c.title}</span>
                {c.page !== null ? (
                  <span className="text-slate-500">{t('review.detail.page', { page: String(c.page) })}</span>
                ) : null}
                {c.quote ? <span className="text-slate-600"> — “{c.quote}”</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>

      <Card>
        <CardTitle
          aside={
            trace.model === 'curated'
              ? t('review.detail.curatedAside')
              : t('review.detail.retrievedAside', {
                  retrieved: String(candidates.length),
                  used: String(usedCount),
                  cited: String(citedCount),
                  score: formatScore(trace.topScore, 3),
                })
          }
        >
          {t('review.detail.retrieved')}
        </CardTitle>
        {candidates.length > 0 ? (
          <CandidatesTable candidates={candidates} />
        ) : (
          <p className="px-4 py-3 text-sm text-slate-500">{t('review.detail.noCandidates')}</p>
        )}
      </Card>

      <ToolCallsCard toolCalls={trace.toolCalls} />

      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardTitle>{t('review.detail.versions')}</CardTitle>
          {detail.versions.length > 0 ? (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="versions">
              {detail.versions.map((v) => (
                <li key={v.versionId} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2">
                  <span>
                    <span className="font-medium text-slate-900">{v.title}</span>{' '}
                    <span className="text-slate-500">
                      {t('review.detail.version', { n: String(v.versionNo) })}
                    </span>
                    {v.effectiveDate ? (
                      <span className="text-xs text-slate-500">
                        {t('review.detail.effective', { date: v.effectiveDate })}
                      </span>
                    ) : null}
                  </span>
                  {v.deleted ? (
                    <Badge tone="red">{t('review.detail.deleted')}</Badge>
                  ) : v.current ? (
                    <Badge tone="emerald">{t('review.detail.current')}</Badge>
                  ) : (
                    <Badge tone="amber">{t('review.detail.superseded')}</Badge>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="px-4 py-3 text-sm text-slate-500">{t('review.detail.none')}</p>
          )}
        </Card>
        <Card>
          <CardTitle>{t('review.detail.run')}</CardTitle>
          <div className="space-y-4 p-4">
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
              <Meta label={t('review.detail.model')}>{trace.model}</Meta>
              <Meta label={t('review.detail.promptVersion')}>{trace.promptVersion}</Meta>
              <Meta label={t('review.detail.embeddingModel')}>{trace.embeddingModel}</Meta>
              <Meta label={t('review.detail.tokens')}>
                {formatInt(trace.tokensIn)} / {formatInt(trace.tokensOut)}
              </Meta>
              <Meta label={t('review.detail.cost')}>{formatUsd(Number(trace.costUsd))}</Meta>
              <Meta label={t('review.detail.timing')}>
                {formatMs(trace.ttftMs)} / {formatMs(trace.totalMs)}
              </Meta>
            </dl>
            <LatencyBars latency={trace.latencyMs} totalMs={trace.totalMs} />
          </div>
        </Card>
      </div>
    </div>
  )
}
