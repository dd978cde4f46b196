'use client'

import { useRouter } from 'next/navigation'
import { useRef, useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { Alert } from '@/components/ui/form-controls'
import { useVersionStatuses } from '@/lib/client/admin/use-version-statuses'
import { callApi } from '@/lib/client/api-client'
import {
  buildUploadForm,
  createUploadItem,
  type UploadItem,
  validateUploadItem,
} from '@/lib/shared/admin/upload-item'
import { isFinal } from '@/lib/shared/admin/version-status'
import { DropZone } from './drop-zone'
import { UploadItemCard } from './upload-item-card'

/** Files upload two at a time: enough to overlap network and server work without flooding a small box. */
const CONCURRENCY = 2

type UploadResponse = {
  results: (
    | { ok: true; documentId: string; versionId: string; versionNo: number; created: boolean }
    | { ok: false; error: string }
  )[]
}

type Props = {
  maxBytes: number
  groups: string[]
  /** Replace mode: one file becomes the next version of this document (access and tags unchanged). */
  replace?: { documentId: string; title: string }
}

export function UploadPanel({ maxBytes, groups, replace }: Props) {
  const t = useTranslations('admin.upload.panel')
  const router = useRouter()
  const [items, setItems] = useState<UploadItem[]>([])
  const [showErrors, setShowErrors] = useState(false)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)
  const listRef = useRef<HTMLOListElement>(null)

  const watched = items.flatMap((i) => (i.result?.created ? [i.result.versionId] : []))
  const live = useVersionStatuses(watched, {
    generation,
    onSettled: () => {
      if (replace) router.refresh()
    },
  })

  const defaultGroups = groups.includes('everyone') ? ['everyone'] : []
  const addFiles = (files: File[]) => {
    setNotice(null)
    const created = files.map((file) =>
      createUploadItem(file, { maxBytes, defaultGroups, title: replace ? replace.title : undefined }),
    )
    setItems((current) => (replace ? created.slice(0, 1) : [...current, ...created]))
  }
  const patch = (key: string, change: Partial<UploadItem>) =>
    setItems((current) => current.map((i) => (i.key === key ? { ...i, ...change } : i)))

  const sendable = items.filter((i) => i.phase === 'pending' && !i.refusal)
  const errorsFor = (item: UploadItem) =>
    showErrors ? validateUploadItem(item, { requireGroups: !replace }) : {}

  const upload = async () => {
    const invalid = sendable.filter(
      (i) => Object.keys(validateUploadItem(i, { requireGroups: !replace })).length > 0,
    )
    if (invalid.length > 0) {
      setShowErrors(true)
      setNotice(t('fixFields', { count: invalid.length, n: String(invalid.length) }))
      listRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
      return
    }
    setBusy(true)
    setNotice(null)
    const queue = [...sendable]
    const worker = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        patch(item.key, { phase: 'uploading', error: null })
        const result = await callApi<UploadResponse>('/api/documents', {
          body: buildUploadForm(item, { documentId: replace?.documentId, sendGroups: !replace }),
        })
        const outcome = result.ok ? result.data.results[0] : undefined
        if (outcome?.ok) {
          patch(item.key, {
            phase: 'accepted',
            result: {
              documentId: outcome.documentId,
              versionId: outcome.versionId,
              versionNo: outcome.versionNo,
              created: outcome.created,
            },
          })
        } else {
          patch(item.key, {
            phase: 'rejected',
            error: outcome && !outcome.ok ? outcome.error : result.ok ? t('notAccepted') : result.error,
          })
        }
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    setBusy(false)
    router.refresh()
  }

  const retry = async (versionId: string) => {
    const item = items.find((i) => i.result?.versionId === versionId)
    if (!item?.result) return
    const result = await callApi(
      `/api/admin/documents/${item.result.documentId}/versions/${versionId}/retry`,
      {
        method: 'POST',
      },
    )
    if (!result.ok) setNotice(result.error)
    else setGeneration((g) => g + 1)
  }

  const inFlight = items.some(
    (i) => i.phase === 'uploading' || (i.result?.created && !isFinal(live.get(i.result.versionId)?.status)),
  )
  const finished = items.length > 0 && items.every((i) => i.phase !== 'pending' || i.refusal)

  return (
    <div className="space-y-4">
      <DropZone onFiles={addFiles} multiple={!replace} maxBytes={maxBytes} disabled={busy} />
      {notice ? <Alert>{notice}</Alert> : null}
      {items.length > 0 ? (
        <ol ref={listRef} className="space-y-3" aria-label={t('files')}>
          {items.map((item, index) => (
            <UploadItemCard
              key={item.key}
              item={item}
              index={index}
              groups={groups}
              errors={errorsFor(item)}
              showAccess={!replace}
              live={item.result ? live.get(item.result.versionId) : undefined}
              onChange={(change) => patch(item.key, change)}
              onRemove={() => setItems((current) => current.filter((i) => i.key !== item.key))}
              onRetry={retry}
            />
          ))}
        </ol>
      ) : null}
      {items.length > 0 ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button onClick={upload} disabled={busy || sendable.length === 0}>
            {busy
              ? t('uploading')
              : replace
                ? t('uploadVersion')
                : t('upload', { count: sendable.length, n: String(sendable.length) })}
          </Button>
          {finished && !inFlight && !replace ? (
            <Button variant="ghost" onClick={() => setItems([])} disabled={busy}>
              {t('clear')}
            </Button>
          ) : null}
          <p className="text-sm text-slate-600" aria-live="polite">
            {inFlight ? t('processing') : ''}
          </p>
        </div>
      ) : null}
    </div>
  )
}
