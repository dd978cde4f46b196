'use client'

import { type Applicability, applicabilityLabel } from '@policydesk/db/profiles'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { Alert, Input } from '@/components/ui/form-controls'
import { callApi } from '@/lib/client/api-client'

// Labels come from the catalog under the same key; placeholders are example values, not prose.
const FIELDS = [
  { key: 'countries', placeholder: 'PT, DE' },
  { key: 'locations', placeholder: 'Lisbon' },
  { key: 'employmentTypes', placeholder: 'full-time' },
  { key: 'departments', placeholder: 'Engineering' },
] as const satisfies readonly { key: keyof Applicability; placeholder: string }[]

const split = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)

/**
 * Whom the document applies to. Askers whose profile says otherwise stop retrieving it at once (the change
 * bumps the corpus revision). A suggestion from the text is shown first, to confirm or dismiss.
 */
export function ApplicabilityForm({
  documentId,
  applicability,
  suggested,
}: {
  documentId: string
  applicability: Applicability
  suggested: Applicability | null
}) {
  const t = useTranslations('admin.document.applicability')
  const router = useRouter()
  const initial = Object.fromEntries(FIELDS.map((f) => [f.key, (applicability[f.key] ?? []).join(', ')]))
  const [values, setValues] = useState<Record<string, string>>(initial)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)
  const suggestion = applicabilityLabel(suggested)

  const save = async (body: Applicability, done: string) => {
    setBusy(true)
    setMessage(null)
    const result = await callApi<{ applicability: Applicability }>(
      `/api/admin/documents/${documentId}/applicability`,
      { method: 'PUT', json: body },
    )
    setBusy(false)
    if (!result.ok) setMessage({ tone: 'error', text: result.error })
    else {
      setValues(
        Object.fromEntries(FIELDS.map((f) => [f.key, (result.data.applicability[f.key] ?? []).join(', ')])),
      )
      setMessage({ tone: 'success', text: done })
      router.refresh()
    }
  }

  return (
    <div className="space-y-3 p-4">
      {suggested && suggestion ? (
        <div
          className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm"
          data-testid="applicability-suggestion"
        >
          <p className="text-amber-900">
            {t.rich('suggested', { suggestion, strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
          <div className="mt-2 flex gap-2">
            <Button size="sm" disabled={busy} onClick={() => save(suggested, t('confirmed', { suggestion }))}>
              {t('confirm')}
            </Button>
            <Button
              size="sm"
              variant="secondary"
              disabled={busy}
              onClick={async () => {
                setBusy(true)
                const result = await callApi(`/api/admin/documents/${documentId}/applicability/suggestion`, {
                  method: 'DELETE',
                })
                setBusy(false)
                if (!result.ok) setMessage({ tone: 'error', text: result.error })
                else router.refresh()
              }}
            >
              {t('dismiss')}
            </Button>
          </div>
        </div>
      ) : null}
      <form
        className="space-y-2"
        aria-label={t('form')}
        onSubmit={(event) => {
          event.preventDefault()
          const body = Object.fromEntries(
            FIELDS.map((f) => [f.key, split(values[f.key] ?? '')]),
          ) as Applicability
          const label = applicabilityLabel(body)
          void save(body, label ? t('savedFor', { label }) : t('savedEveryone'))
        }}
      >
        <p className="text-sm text-slate-700">{t('intro')}</p>
        {FIELDS.map((field) => {
          const id = `applicability-${field.key}`
          return (
            <div key={field.key} className="grid gap-0.5">
              <label htmlFor={id} className="text-xs text-slate-700">
                {t(field.key)}
              </label>
              <Input
                id={id}
                value={values[field.key] ?? ''}
                placeholder={field.placeholder}
                onChange={(e) => setValues({ ...values, [field.key]: e.target.value })}
              />
            </div>
          )
        })}
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        <Button type="submit" disabled={busy}>
          {busy ? t('saving') : t('save')}
        </Button>
      </form>
    </div>
  )
}
