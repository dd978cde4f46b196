import { getAnswerDetail } from '@policydesk/db'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { z } from 'zod'
import { AnswerDetailView } from '@/components/review/answer-detail-view'
import { ReviewPanel } from '@/components/review/review-panel/review-panel'
import { ROLES, requirePageRole } from '@/lib/server/auth/require-role'
import { getDb } from '@/lib/server/db'
import { getTranslator } from '@/lib/server/i18n/server'
import { reviewEnv } from '@/lib/server/review/env'
import { panelPropsFor } from '@/lib/shared/review/panel-props'
import { toViewer } from '@/lib/shared/review/viewer'

export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

/** A log query string to return to ("?feedback=down…"); anything else is ignored. */
const backSchema = z
  .string()
  .regex(/^\?[\w\-.~%=&+]*$/)
  .max(1000)

/** One answer with everything behind it, and the analyst's review of it. */
export default async function AnswerDetailPage({ params, searchParams }: Props) {
  const user = await requirePageRole(ROLES.reviewers)
  const t = await getTranslator()
  const id = z.uuid().safeParse((await params).id)
  if (!id.success) notFound()
  const detail = await getAnswerDetail(getDb(), toViewer(user), id.data)
  // Missing, or it used documents outside the analyst's groups: the same 404 either way.
  if (!detail) notFound()
  const { labels, lowScoreThreshold } = reviewEnv()
  const rawBack = (await searchParams).back
  const back = backSchema.safeParse(Array.isArray(rawBack) ? rawBack[0] : rawBack)
  return (
    <>
      <nav aria-label={t('review.detail.breadcrumb')} className="mb-3 text-sm">
        <Link href={`/review${back.success ? back.data : ''}`} className="text-indigo-700 hover:underline">
          {t('review.detail.back')}
        </Link>
      </nav>
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <AnswerDetailView detail={detail} lowScoreThreshold={lowScoreThreshold} />
        <div className="xl:sticky xl:top-4 xl:max-h-[calc(100vh-2rem)] xl:self-start xl:overflow-y-auto">
          <ReviewPanel key={detail.trace.id} labels={labels} {...panelPropsFor(detail)} />
        </div>
      </div>
    </>
  )
}
