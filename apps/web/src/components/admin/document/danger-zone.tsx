'use client'

import { Trash2 } from 'lucide-react'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { Alert } from '@/components/ui/form-controls'
import { callApi } from '@/lib/admin/api-client'
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
          <p className="max-w-sm text-sm text-slate-600">
            Delete: answers stop using it at once. Versions and files are kept; uploading a new version
            restores it.
          </p>
          <ConfirmDialog
            trigger={
              <Button variant="secondary" disabled={busy}>
                <Trash2 aria-hidden />
                Delete document
              </Button>
            }
            title="Delete this document?"
            description={
              <p>
                “{title}” will no longer be used in answers. You can restore it by uploading a new version.
              </p>
            }
            confirmLabel="Delete"
            busy={busy}
            onConfirm={() => run(`/api/admin/documents/${documentId}`, 'DELETE')}
          />
        </div>
      ) : null}
      {!purged ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="max-w-sm text-sm text-slate-600">
            Purge: destroys every version’s file, chunks and embeddings. Only the audit trail remains. This
            cannot be undone.
          </p>
          <ConfirmDialog
            trigger={
              <Button variant="danger" disabled={busy}>
                Purge…
              </Button>
            }
            title="Purge this document for good?"
            description={
              <p>All files, chunks and embeddings of “{title}” will be destroyed. This cannot be undone.</p>
            }
            confirmLabel="Purge permanently"
            typeToConfirm={title}
            busy={busy}
            onConfirm={() => run(`/api/admin/documents/${documentId}/purge`, 'POST')}
          />
        </div>
      ) : (
        <p className="text-sm text-slate-600">
          This document was purged: only its record in the audit log remains.
        </p>
      )}
    </div>
  )
}
