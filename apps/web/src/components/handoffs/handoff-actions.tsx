'use client'

import { useRouter } from 'next/navigation'
import { useId, useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { callApi } from '@/lib/client/api-client'
import { type CitedPassage, CitePassages } from './cite-passages'

type Message = { tone: 'error' | 'ok'; text: string } | null

/** Sends one handoff request; returns null on success, the error text otherwise (`fallback` if none). */
async function call(
  url: string,
  method: 'POST' | 'PATCH',
  body: unknown,
  fallback: string,
): Promise<string | null> {
  const result = await callApi(url, { method, json: body })
  if (result.ok) return null
  return result.serverError ?? fallback
}

function Feedback({ message }: { message: Message }) {
  if (!message) return null
  return (
    <p
      role={message.tone === 'error' ? 'alert' : 'status'}
      className={message.tone === 'error' ? 'text-sm text-red-700' : 'text-sm text-emerald-800'}
    >
      {message.text}
    </p>
  )
}

/** Claim (assign to me) / unassign, close / reopen. */
export function HandoffActions({
  id,
  status,
  assignedToMe,
  userId,
}: {
  id: string
  status: 'open' | 'answered' | 'closed'
  assignedToMe: boolean
  userId: string
}) {
  const t = useTranslations('handoffs.actions')
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<Message>(null)
  const run = async (body: { status?: 'open' | 'closed'; assigneeId?: string | null }) => {
    setBusy(true)
    const error = await call(`/api/handoffs/${id}`, 'PATCH', body, t('notSaved'))
    setBusy(false)
    setMessage(error ? { tone: 'error', text: error } : null)
    router.refresh()
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        size="sm"
        disabled={busy}
        onClick={() => void run({ assigneeId: assignedToMe ? null : userId })}
      >
        {assignedToMe ? t('unassignMe') : t('claim')}
      </Button>
      <Button
        variant="secondary"
        size="sm"
        disabled={busy}
        onClick={() => void run({ status: status === 'closed' ? 'open' : 'closed' })}
      >
        {status === 'closed' ? t('reopen') : t('close')}
      </Button>
      <Feedback message={message} />
    </div>
  )
}

/**
 * The reply form: the text appears in the employee's conversation, from you, with the passages you cite
 * (searched from `question`; the server checks the asker may read them).
 */
export function ReplyForm({ id, question }: { id: string; question: string }) {
  const t = useTranslations('handoffs.actions')
  const router = useRouter()
  const textId = useId()
  const [text, setText] = useState('')
  const [cited, setCited] = useState<CitedPassage[]>([])
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<Message>(null)
  return (
    <form
      className="mt-4 space-y-2"
      onSubmit={async (e) => {
        e.preventDefault()
        if (!text.trim()) return
        setBusy(true)
        const citations = cited.map((c) => ({ chunkId: c.chunkId }))
        const error = await call(`/api/handoffs/${id}/reply`, 'POST', { text, citations }, t('notSaved'))
        setBusy(false)
        if (error) setMessage({ tone: 'error', text: error })
        else {
          setText('')
          setCited([])
          setMessage({ tone: 'ok', text: t('replySent') })
          router.refresh()
        }
      }}
    >
      <label htmlFor={textId} className="block text-sm font-medium text-slate-800">
        {t('yourReply')}
      </label>
      <textarea
        id={textId}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={4}
        maxLength={10_000}
        className="w-full rounded-md border border-slate-300 p-2 text-sm"
      />
      <CitePassages initialQuery={question} cited={cited} onChange={setCited} />
      <div className="flex items-center gap-3">
        <Button type="submit" size="sm" disabled={busy || !text.trim()}>
          {t('sendReply')}
        </Button>
        <Feedback message={message} />
      </div>
    </form>
  )
}

/**
 * One click from a reply to the curated answer for this question. A person answered one employee's
 * situation, so by default the answer is served only to employees like them (`askerScope`, e.g.
 * "Portugal · Lisbon"); unticking serves it to everyone who asks. No scope to choose when the asker had
 * no profile.
 */
export function PromoteReply({
  handoffId,
  replyId,
  promoted,
  askerScope,
}: {
  handoffId: string
  replyId: string
  promoted: boolean
  askerScope: string | null
}) {
  const t = useTranslations('handoffs.actions')
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [onlyLikeAsker, setOnlyLikeAsker] = useState(true)
  const [message, setMessage] = useState<Message>(null)
  const scopeId = useId()
  const scope = askerScope && !onlyLikeAsker ? 'everyone' : 'asker'
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      {askerScope ? (
        <label htmlFor={scopeId} className="flex items-center gap-1.5 text-xs text-slate-700">
          <input
            id={scopeId}
            type="checkbox"
            checked={onlyLikeAsker}
            onChange={(e) => setOnlyLikeAsker(e.target.checked)}
          />
          {t('onlyLikeAsker', { who: askerScope })}
        </label>
      ) : null}
      <Button
        variant="secondary"
        size="sm"
        disabled={busy}
        onClick={async () => {
          setBusy(true)
          const error = await call(
            `/api/handoffs/${handoffId}/promote`,
            'POST',
            { replyId, scope },
            t('notSaved'),
          )
          setBusy(false)
          setMessage(error ? { tone: 'error', text: error } : { tone: 'ok', text: t('promoted') })
          router.refresh()
        }}
      >
        {promoted ? t('promoteInstead') : t('promote')}
      </Button>
      <Feedback message={message} />
    </div>
  )
}
