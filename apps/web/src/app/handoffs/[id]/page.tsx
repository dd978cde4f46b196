import { applicabilityLabel, applicabilityOfProfile, getHandoff } from '@policydesk/db'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { z } from 'zod'
import { HandoffActions, PromoteReply, ReplyForm } from '@/components/handoffs/handoff-actions'
import { age, HandoffStatusBadge } from '@/components/handoffs/status-badge'
import { Card, CardTitle, PageHeader } from '@/components/review/ui'
import { getDb } from '@/lib/server/db'
import { handoffViewer } from '@/lib/server/handoffs/handoffs'
import { requireHandoffsPage } from '@/lib/server/handoffs/page-access'
import { getTranslator } from '@/lib/server/i18n/server'
import { formatDateTime } from '@/lib/shared/format'

export const dynamic = 'force-dynamic'

const PROFILE_KEYS = ['country', 'location', 'employmentType', 'department', 'level', 'startDate'] as const
const isProfileKey = (key: string): key is (typeof PROFILE_KEYS)[number] =>
  (PROFILE_KEYS as readonly string[]).includes(key)

/** One handoff: what the employee asked and saw, who they are, the replies, and what to do next. */
export default async function HandoffPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireHandoffsPage()
  const t = await getTranslator()
  const id = z.uuid().safeParse((await params).id)
  if (!id.success) notFound()
  const handoff = await getHandoff(getDb(), handoffViewer(user), id.data)
  if (!handoff) notFound()
  const profile = Object.entries(handoff.askerProfile).filter(([, v]) => v)
  // Whom a promoted reply is for by default: employees like the asker ("Portugal · Lisbon · full-time").
  const askerScope = applicabilityLabel(applicabilityOfProfile(handoff.askerProfile))
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/handoffs" className="text-indigo-700 underline">
          {t('handoffs.detail.all')}
        </Link>
      </p>
      <PageHeader
        title={handoff.question}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <HandoffStatusBadge status={handoff.status} />
            <span>
              {t('handoffs.detail.askedBy', {
                name: handoff.askerName ?? t('handoffs.detail.formerEmployee'),
                age: t('common.duration', age(handoff.createdAt)),
                group: handoff.routedGroupName ?? t('handoffs.detail.nobody'),
              })}
              {handoff.documentTitle ? t('handoffs.detail.about', { title: handoff.documentTitle }) : ''} ·{' '}
              {handoff.assigneeName
                ? t('handoffs.detail.assignedTo', { name: handoff.assigneeName })
                : t('handoffs.detail.unassigned')}
            </span>
          </span>
        }
        actions={
          handoff.canAnswer ? (
            <HandoffActions
              id={handoff.id}
              status={handoff.status}
              assignedToMe={handoff.assigneeId === user.id}
              userId={user.id}
            />
          ) : null
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          {handoff.note ? (
            <Card className="p-4">
              <CardTitle>{t('handoffs.detail.note')}</CardTitle>
              <p className="mt-2 text-sm whitespace-pre-wrap text-slate-800">{handoff.note}</p>
            </Card>
          ) : null}
          <Card className="p-4">
            <CardTitle>{t('handoffs.detail.answer')}</CardTitle>
            <p className="mt-2 text-sm whitespace-pre-wrap text-slate-800">{handoff.answer || '—'}</p>
            {handoff.sources.length > 0 ? (
              <ul aria-label={t('handoffs.detail.sources')} className="mt-3 space-y-1 text-sm text-slate-700">
                {handoff.sources.map((s) => (
                  <li key={`${s.n}-${s.chunkId}`}>
                    [{s.n}] {s.title}
                    {s.quote ? <span className="text-slate-500"> — “{s.quote}”</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-sm text-slate-500">{t('handoffs.detail.noSources')}</p>
            )}
          </Card>
          <Card className="p-4">
            <CardTitle>{t('handoffs.detail.replies')}</CardTitle>
            {handoff.replies.length === 0 ? (
              <p className="mt-2 text-sm text-slate-500">{t('handoffs.detail.noReply')}</p>
            ) : (
              <ol className="mt-2 space-y-3">
                {handoff.replies.map((r) => (
                  <li
                    key={r.id}
                    className="rounded-md border border-slate-200 p-3"
                    data-testid="handoff-reply"
                  >
                    <p className="text-xs text-slate-500">
                      {r.authorName ?? t('handoffs.detail.someone')} · {formatDateTime(r.createdAt)}
                    </p>
                    <p className="mt-1 text-sm whitespace-pre-wrap text-slate-900">{r.text}</p>
                    {r.citations.length > 0 ? (
                      <p className="mt-1 text-xs text-slate-600">
                        {t('handoffs.detail.cites', { list: r.citations.map((c) => c.title).join(', ') })}
                      </p>
                    ) : null}
                    {handoff.canAnswer ? (
                      <PromoteReply
                        handoffId={handoff.id}
                        replyId={r.id}
                        promoted={Boolean(handoff.curatedAnswerId)}
                        askerScope={askerScope}
                      />
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
            {handoff.canAnswer && handoff.status !== 'closed' ? (
              <ReplyForm id={handoff.id} question={handoff.question} />
            ) : null}
          </Card>
        </div>
        <div className="space-y-4">
          <Card className="p-4">
            <CardTitle>{t('handoffs.detail.asker')}</CardTitle>
            <p className="mt-2 text-sm text-slate-800">
              {handoff.askerName ?? '—'}
              {handoff.askerEmail ? <span className="block text-slate-500">{handoff.askerEmail}</span> : null}
            </p>
            {profile.length > 0 ? (
              <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
                {profile.map(([key, value]) => (
                  <div key={key} className="contents">
                    <dt className="text-slate-500">
                      {isProfileKey(key) ? t(`handoffs.detail.profile.${key}`) : key}
                    </dt>
                    <dd className="text-slate-800">{String(value)}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="mt-1 text-sm text-slate-500">{t('handoffs.detail.noProfile')}</p>
            )}
          </Card>
          <Card className="p-4">
            <CardTitle>{t('handoffs.detail.conversation')}</CardTitle>
            {handoff.conversation.length === 0 ? (
              <p className="mt-2 text-sm text-slate-500">{t('handoffs.detail.noConversation')}</p>
            ) : (
              <ol className="mt-2 space-y-2 text-sm">
                {handoff.conversation.map((m) => (
                  <li key={m.id} className={m.role === 'user' ? 'text-slate-900' : 'text-slate-600'}>
                    <span className="font-medium">
                      {m.role === 'user'
                        ? t('handoffs.detail.employee')
                        : (m.authorName ?? t('handoffs.detail.policyDesk'))}
                      :
                    </span>{' '}
                    {m.content ?? t('handoffs.detail.unreadable')}
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
      </div>
    </>
  )
}
