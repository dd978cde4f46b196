'use client'

import { type UserAttributes, userAttributeKeys } from '@policydesk/db/profiles'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/form-controls'
import { callApi } from '@/lib/client/api-client'

// Placeholders are example values (codes, data as stored), not prose: they stay untranslated.
const PLACEHOLDERS: Record<keyof UserAttributes, string> = {
  country: 'PT',
  location: 'Lisbon',
  employmentType: 'full-time',
  department: 'Engineering',
  level: 'L3',
  startDate: '2024-03-04',
}

/** The profile in one line: "PT · Lisbon · full-time". */
export function profileSummary(attributes: UserAttributes): string {
  return [attributes.country, attributes.location, attributes.employmentType, attributes.department]
    .filter(Boolean)
    .join(' · ')
}

/**
 * A user's asker profile: answers quote the rules for their country, office and contract. Empty fields are
 * cleared on save; the server validates (country as an ISO code, real dates) and says what is wrong.
 */
export function ProfileEditor({
  userId,
  name,
  attributes,
}: {
  userId: string
  name: string
  attributes: UserAttributes
}) {
  const t = useTranslations('admin.users.profile')
  const router = useRouter()
  const [values, setValues] = useState<Record<string, string>>(
    Object.fromEntries(userAttributeKeys.map((k) => [k, attributes[k] ?? ''])),
  )
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)
  const summary = profileSummary(attributes)
  return (
    <details className="group" data-testid="profile-editor">
      <summary className="cursor-pointer text-xs text-slate-700 hover:text-indigo-700">
        {summary || <span className="text-slate-500">{t('none')}</span>}
        <span className="sr-only">{t('edit', { name })}</span>
      </summary>
      <form
        className="mt-2 grid w-64 gap-2"
        aria-label={t('formLabel', { name })}
        onSubmit={async (event) => {
          event.preventDefault()
          setBusy(true)
          setMessage(null)
          const result = await callApi(`/api/admin/users/${userId}`, {
            method: 'PATCH',
            json: {
              attributes: Object.fromEntries(userAttributeKeys.map((k) => [k, values[k]?.trim() ?? ''])),
            },
          })
          setBusy(false)
          if (!result.ok) setMessage({ tone: 'error', text: result.error })
          else {
            setMessage({ tone: 'ok', text: t('saved') })
            router.refresh()
          }
        }}
      >
        {userAttributeKeys.map((key) => {
          const id = `profile-${key}-${userId}`
          return (
            <div key={key} className="grid gap-0.5">
              <label htmlFor={id} className="text-xs text-slate-700">
                {t(key)}
              </label>
              <Input
                id={id}
                name={key}
                value={values[key] ?? ''}
                placeholder={PLACEHOLDERS[key]}
                onChange={(e) => setValues({ ...values, [key]: e.target.value })}
              />
            </div>
          )
        })}
        <Button type="submit" size="sm" disabled={busy}>
          {busy ? t('saving') : t('save')}
        </Button>
        {message ? (
          <p
            role={message.tone === 'error' ? 'alert' : 'status'}
            className={message.tone === 'error' ? 'text-xs text-red-700' : 'text-xs text-emerald-700'}
          >
            {message.text}
          </p>
        ) : null}
      </form>
    </details>
  )
}
