'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { callApi } from '@/lib/client/api-client'

type Action = 'reapprove' | 'retire'

/** Re-approve (re-pins citations to current versions) or retire (two-step) one curated answer. */
export function CuratedActions({
  id,
  status,
}: {
  id: string
  status: 'active' | 'needs_review' | 'retired'
}) {
  const t = useTranslations('review.curated.actions')
  const router = useRouter()
  const [busy, setBusy] = useState<Action | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null)

  const run = async (action: Action) => {
    setBusy(action)
    setMessage(null)
    const result = await callApi(`/api/review/curated/${id}`, { json: { action } })
    setBusy(null)
    setConfirming(false)
    if (!result.ok) {
      setMessage({ tone: 'error', text: result.serverError ?? t('failed') })
      router.refresh()
      return
    }
    setMessage({ tone: 'ok', text: action === 'retire' ? t('retired') : t('reapproved') })
    router.refresh()
  }

  if (status === 'retired') return null
  return (
    <div className="flex flex-wrap items-center gap-2">
      {status === 'needs_review' ? (
        <Button size="sm" onClick={() => void run('reapprove')} disabled={busy !== null}>
          {busy === 'reapprove' ? t('checking') : t('reapprove')}
        </Button>
      ) : null}
      {confirming ? (
        <>
          <Button size="sm" variant="danger" onClick={() => void run('retire')} disabled={busy !== null}>
            {busy === 'retire' ? t('retiring') : t('confirmRetire')}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </Button>
        </>
      ) : (
        <Button size="sm" variant="secondary" onClick={() => setConfirming(true)} disabled={busy !== null}>
          {t('retire')}
        </Button>
      )}
      <p
        role="status"
        aria-live="polite"
        className={message?.tone === 'error' ? 'text-xs text-red-700' : 'text-xs text-emerald-700'}
      >
        {message?.text ?? ''}
      </p>
    </div>
  )
}
