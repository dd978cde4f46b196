'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { callApi } from '@/lib/client/api-client'

/** Puts a failed delivery back in line and tries it at once. */
export function WebhookRetryButton({ id, event }: { id: string; event: string }) {
  const t = useTranslations('admin.system.webhooks')
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant="secondary"
        size="sm"
        disabled={busy}
        aria-label={t('retryLabel', { event })}
        onClick={async () => {
          setBusy(true)
          const result = await callApi(`/api/admin/system/webhooks/${id}/retry`, { method: 'POST' })
          setBusy(false)
          setError(result.ok ? null : result.error)
          router.refresh()
        }}
      >
        {t('retry')}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  )
}
