'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { Alert } from '@/components/ui/form-controls'
import { callApi } from '@/lib/client/api-client'

/** Which groups may read the document. Saved at once; the next question anyone asks sees the change. */
export function AccessForm({
  documentId,
  groups,
  selected,
}: {
  documentId: string
  groups: string[]
  selected: string[]
}) {
  const t = useTranslations('admin.document.accessForm')
  const router = useRouter()
  const [chosen, setChosen] = useState(selected)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)
  const dirty = [...chosen].sort().join(',') !== [...selected].sort().join(',')
  return (
    <form
      className="space-y-3 p-4"
      onSubmit={async (event) => {
        event.preventDefault()
        if (chosen.length === 0) {
          setMessage({
            tone: 'error',
            text: t('chooseOne'),
          })
          return
        }
        setBusy(true)
        const result = await callApi<{ groups: string[] }>(`/api/admin/documents/${documentId}/access`, {
          method: 'PUT',
          json: { groups: chosen },
        })
        setBusy(false)
        if (!result.ok) setMessage({ tone: 'error', text: result.error })
        else {
          setMessage({ tone: 'success', text: t('saved', { groups: result.data.groups.join(', ') }) })
          router.refresh()
        }
      }}
    >
      <fieldset>
        <legend className="mb-2 text-sm text-slate-700">{t('legend')}</legend>
        <div className="flex flex-col gap-1.5">
          {groups.map((group) => (
            <label key={group} className="inline-flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                className="size-4 accent-indigo-600"
                checked={chosen.includes(group)}
                onChange={(e) => {
                  setMessage(null)
                  setChosen(e.target.checked ? [...chosen, group] : chosen.filter((g) => g !== group))
                }}
              />
              {group}
              {group === 'everyone' ? <span className="text-xs text-slate-500">{t('everyone')}</span> : null}
            </label>
          ))}
        </div>
      </fieldset>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Button type="submit" disabled={busy || !dirty}>
        {busy ? t('saving') : t('save')}
      </Button>
    </form>
  )
}
