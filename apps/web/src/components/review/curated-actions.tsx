'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { Button } from '@/components/ui/button'

type Action = 'reapprove' | 'retire'

/** Re-approve (re-pins citations to current versions) or retire (two-step) one curated answer. */
export function CuratedActions({
  id,
  status,
}: {
  id: string
  status: 'active' | 'needs_review' | 'retired'
}) {
  const router = useRouter()
  const [busy, setBusy] = useState<Action | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null)

  const run = async (action: Action) => {
    setBusy(action)
    setMessage(null)
    const response = await fetch(`/api/review/curated/${id}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action }),
    }).catch(() => null)
    setBusy(null)
    setConfirming(false)
    if (!response?.ok) {
      const body = response ? ((await response.json().catch(() => null)) as { error?: string } | null) : null
      setMessage({ tone: 'error', text: body?.error ?? 'The change could not be saved.' })
      router.refresh()
      return
    }
    setMessage({ tone: 'ok', text: action === 'retire' ? 'Retired.' : 'Back in service.' })
    router.refresh()
  }

  if (status === 'retired') return null
  return (
    <div className="flex flex-wrap items-center gap-2">
      {status === 'needs_review' ? (
        <Button size="sm" onClick={() => void run('reapprove')} disabled={busy !== null}>
          {busy === 'reapprove' ? 'Checking sources…' : 'Re-approve'}
        </Button>
      ) : null}
      {confirming ? (
        <>
          <Button size="sm" variant="danger" onClick={() => void run('retire')} disabled={busy !== null}>
            {busy === 'retire' ? 'Retiring…' : 'Confirm: retire'}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </>
      ) : (
        <Button size="sm" variant="secondary" onClick={() => setConfirming(true)} disabled={busy !== null}>
          Retire
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
