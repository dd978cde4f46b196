'use client'

import { Trash2 } from 'lucide-react'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { Alert } from '@/components/ui/form-controls'
import { callApi } from '@/lib/client/api-client'
import { ConfirmDialog } from '../confirm-dialog'

/** Soft delete (reversible by uploading a new version) and purge (irreversible, typed confirmation). */
export function DangerZone({
  documentId,
  title,
  deleted,
  purged,
}: {
  documentId: string
  title: string
  deleted: boolean
  purged: boolean
}) {
  const t = useTranslations('admin.document.dangerZone')
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = async (url: string, method: string) => {
    setBusy(true)
    setError(null)
    const result = await callApi(url, { method })
    setBusy(false)
    if (!result.ok) {
      setError(result.error)
      return false
    }
    router.refresh()
    return true
  }
  return (
    <div className="space-y-4 p-4">
      {error ? <Alert>{error}</Alert> : null}
      {!deleted ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="max-w-sm text-sm text-slate-600">{t('deleteText')}</p>
          <ConfirmDialog
            trigger={
              <Button variant="secondary" disabled={busy}>
                <Trash2 aria-hidden />
                {t('deleteButton')}
              </Button>
            }
            title={t('deleteTitle')}
            description={<p>{t('deleteDescription', { title })}</p>}
            confirmLabel={t('delete')}
            busy={busy}
            onConfirm={() => run(`/api/admin/documents/${documentId}`, 'DELETE')}
          />
        </div>
      ) : null}
      {!purged ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="max-w-sm text-sm text-slate-600">{t('purgeText')}</p>
          <ConfirmDialog
            trigger={
              <Button variant="danger" disabled={busy}>
                {t('purgeButton')}
              </Button>
            }
            title={t('purgeTitle')}
            description={<p>{t('purgeDescription', { title })}</p>}
            confirmLabel={t('purge')}
            typeToConfirm={title}
            busy={busy}
            onConfirm={() => run(`/api/admin/documents/${documentId}/purge`, 'POST')}
          />
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t('purged')}</p>
      )}
    </div>
  )
}
