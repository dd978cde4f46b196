'use client'

import { useRouter } from 'next/navigation'
import { useId, useState } from 'react'
import { useTranslations } from 'use-intl'
import { Alert } from '@/components/ui/form-controls'
import { callApi } from '@/lib/client/api-client'

/** Who answers "Ask a person" questions about this document; none = by tag (HANDOFF_TAG_OWNERS) or the default group. */
export function OwnerForm({
  documentId,
  groups,
  ownerGroupId,
}: {
  documentId: string
  groups: { id: string; name: string }[]
  ownerGroupId: string | null
}) {
  const t = useTranslations('admin.document.ownerForm')
  const router = useRouter()
  const selectId = useId()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)
  return (
    <div className="space-y-2 p-4">
      <label htmlFor={selectId} className="block text-sm font-medium text-slate-800">
        {t('label')}
      </label>
      <select
        id={selectId}
        value={ownerGroupId ?? ''}
        disabled={busy}
        onChange={async (event) => {
          setBusy(true)
          const result = await callApi(`/api/admin/documents/${documentId}/owner`, {
            method: 'PUT',
            json: { groupId: event.target.value || null },
          })
          setBusy(false)
          setMessage(
            result.ok ? { tone: 'success', text: t('saved') } : { tone: 'error', text: result.error },
          )
          router.refresh()
        }}
        className="h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm"
      >
        <option value="">{t('default')}</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </div>
  )
}
