'use client'

import { useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { callApi } from '@/lib/client/api-client'

/** Erases every conversation of the user for good, after an explicit confirmation. */
export function DeleteHistoryButton() {
  const t = useTranslations('chat.deleteHistory')
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!confirming)
    return (
      <Button
        variant="ghost"
        size="sm"
        className="w-full justify-start text-slate-600"
        onClick={() => setConfirming(true)}
      >
        {t('open')}
      </Button>
    )
  return (
    <fieldset
      aria-label={t('label')}
      className="space-y-2 rounded-md border border-red-200 bg-red-50 p-2 text-sm"
    >
      <p className="text-red-900">{t('warning')}</p>
      <div className="flex gap-2">
        <Button
          variant="danger"
          size="sm"
          disabled={busy}
          onClick={async () => {
            setBusy(true)
            const result = await callApi('/api/me/history', { method: 'DELETE', json: { confirm: true } })
            if (result.ok) window.location.assign('/')
            else {
              setBusy(false)
              setError(t('failed'))
            }
          }}
        >
          {busy ? t('deleting') : t('confirm')}
        </Button>
        <Button variant="secondary" size="sm" onClick={() => setConfirming(false)}>
          {t('cancel')}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
