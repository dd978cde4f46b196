'use client'

import { RotateCcw } from 'lucide-react'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { callApi } from '@/lib/client/api-client'

/** Puts a failed version back in the queue; the row then follows its progress live. */
export function RetryButton({
  documentId,
  versionId,
  versionNo,
}: {
  documentId: string
  versionId: string
  versionNo: number
}) {
  const t = useTranslations('admin.document.retry')
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        variant="secondary"
        size="sm"
        disabled={busy}
        aria-label={t('label', { n: String(versionNo) })}
        onClick={async () => {
          setBusy(true)
          setError(null)
          const result = await callApi(`/api/admin/documents/${documentId}/versions/${versionId}/retry`, {
            method: 'POST',
          })
          setBusy(false)
          if (result.ok) router.refresh()
          else setError(result.error)
        }}
      >
        <RotateCcw aria-hidden />
        {busy ? t('retrying') : t('retry')}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  )
}
