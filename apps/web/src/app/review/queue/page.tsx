import { getAnswerDetail, nextInQueue, type QueueBucket, queueBuckets, queueCounts } from '@policydesk/db'
import Link from 'next/link'
import { AnswerDetailView } from '@/components/review/answer-detail-view'
import { ReviewPanel } from '@/components/review/review-panel/review-panel'
import { Badge, EmptyState, PageHeader } from '@/components/review/ui'
import { ROLES, requirePageRole } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { getTranslator } from '@/lib/server/i18n/server'
import { reviewEnv } from '@/lib/server/review/env'
import { formatInt } from '@/lib/shared/format'
import { decodeQueuePosition, encodeQueuePosition } from '@/lib/shared/review/cursor'
import { panelPropsFor } from '@/lib/shared/review/panel-props'
import { toViewer } from '@/lib/shared/review/viewer'
import { cn } from '@/lib/shared/utils'

export const dynamic = 'force-dynamic'

const BUCKET_KEY = {
  'thumbs-down': 'thumbsDown',
  'validation-failed': 'validationFailed',
  abstained: 'abstained',
  sample: 'sample',
} as const satisfies Record<QueueBucket, string>

type SearchParams = Promise<Record<string, string | string[] | undefined>>
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/**
 * The review queue: one unreviewed answer at a time, thumbs-down first, then validation failures, then
 * abstentions, then a deterministic random sample. `after`/`before` are queue positions (skip / go back).
 */
export default async function ReviewQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageRole(ROLES.reviewers)
  const viewer = toViewer(user)
  const t = await getTranslator()
  const bucketText = (bucket: QueueBucket) => t(`review.queue.buckets.${BUCKET_KEY[bucket]}`)
  const params = await searchParams
  const afterToken = first(params.after)
  const beforeToken = first(params.before)
  const after = afterToken ? decodeQueuePosition(afterToken) : null
  const before = beforeToken ? decodeQueuePosition(beforeToken) : null
  const db = getDb()
  const item = before
    ? await nextInQueue(db, viewer, { after: before, direction: 'previous' })
    : await nextInQueue(db, viewer, { after: after ?? undefined })
  const { counts, capped } = await queueCounts(db, viewer)
  const waiting = Object.values(counts).reduce((a, b) => a + b, 0)
  const detail = item ? await getAnswerDetail(db, viewer, item.traceId) : null
  const { labels, lowScoreThreshold } = reviewEnv()

  return (
    <>
      <PageHeader title={t('review.queue.title')} description={t('review.queue.description')} />
      <ul
        className="mb-4 flex flex-wrap gap-2"
        aria-label={t('review.queue.byReason')}
        data-testid="queue-counts"
      >
        {queueBuckets.map((bucket) => (
          <li
            key={bucket}
            className={cn(
              'rounded-full border px-3 py-1 text-sm',
              item?.bucket === bucket
                ? 'border-indigo-300 bg-indigo-50 font-medium text-indigo-800'
                : 'border-slate-200 bg-white text-slate-700',
            )}
            aria-current={item?.bucket === bucket ? 'true' : undefined}
          >
            {bucketText(bucket)}{' '}
            <span className="font-mono tabular-nums">
              {formatInt(counts[bucket])}
              {capped[bucket] ? '+' : ''}
            </span>
          </li>
        ))}
      </ul>
      {item && detail ? (
        <>
          <p className="mb-2 text-sm text-slate-600" data-testid="queue-reason">
            {t('review.queue.reason')} <Badge tone="indigo">{bucketText(item.bucket)}</Badge>
          </p>
          <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_24rem]">
            <AnswerDetailView detail={detail} lowScoreThreshold={lowScoreThreshold} headingLevel={2} />
            <div className="xl:sticky xl:top-4 xl:max-h-[calc(100vh-2rem)] xl:self-start xl:overflow-y-auto">
              <ReviewPanel
                key={detail.trace.id}
                labels={labels}
                {...panelPropsFor(detail)}
                queue={{
                  nextHref: `/review/queue?after=${encodeQueuePosition(item.position)}`,
                  previousHref:
                    after || before ? `/review/queue?before=${encodeQueuePosition(item.position)}` : null,
                }}
              />
            </div>
          </div>
        </>
      ) : waiting === 0 ? (
        <EmptyState title={t('review.queue.emptyTitle')}>{t('review.queue.emptyText')}</EmptyState>
      ) : (
        <EmptyState title={before ? t('review.queue.startTitle') : t('review.queue.endTitle')}>
          {t('review.queue.stillWaiting', { count: waiting, formatted: formatInt(waiting) })}{' '}
          <Link href="/review/queue" className="text-indigo-700 underline">
            {t('review.queue.startOver')}
          </Link>
        </EmptyState>
      )}
    </>
  )
}
