'use client'

import type { AdminUserRow } from '@policydesk/db'
import { X } from 'lucide-react'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { Select } from '@/components/ui/form-controls'
import { callApi } from '@/lib/client/api-client'
import { ProfileEditor } from './profile-editor'

/** The roles in the order the select offers them (least to most access). */
const ROLE_VALUES = ['employee', 'analyst', 'admin'] as const satisfies readonly AdminUserRow['role'][]

type Group = { id: string; name: string }

/** One user: role (saved on change) and explicit group memberships. */
export function UserRow({
  user,
  groups,
  isSelf,
  isLastAdmin,
}: {
  user: AdminUserRow
  groups: Group[]
  isSelf: boolean
  isLastAdmin: boolean
}) {
  const t = useTranslations('admin.users.row')
  const common = useTranslations('common')
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)
  const [toAdd, setToAdd] = useState('')
  const joinable = groups.filter((g) => g.name !== 'everyone' && !user.groups.some((m) => m.id === g.id))

  const act = async (run: () => ReturnType<typeof callApi>, success: string) => {
    setBusy(true)
    setMessage(null)
    const result = await run()
    setBusy(false)
    if (!result.ok) setMessage({ tone: 'error', text: result.error })
    else {
      setMessage({ tone: 'ok', text: success })
      router.refresh()
    }
  }
  const roleId = `role-${user.id}`
  const addId = `add-group-${user.id}`

  return (
    <tr className="border-t border-slate-100 align-top" data-testid="user-row">
      <th scope="row" className="px-3 py-3 text-left font-normal">
        <div className="font-medium text-slate-900">
          {user.name}
          {isSelf ? <span className="ml-1.5 text-xs font-normal text-slate-500">{t('you')}</span> : null}
        </div>
        <div className="text-xs text-slate-500">{user.email}</div>
      </th>
      <td className="px-3 py-3">
        <label htmlFor={roleId} className="sr-only">
          {t('roleOf', { name: user.name })}
        </label>
        <Select
          id={roleId}
          className="w-32"
          value={user.role}
          disabled={busy || isLastAdmin}
          aria-describedby={isLastAdmin ? `${roleId}-hint` : undefined}
          onChange={(e) => {
            const role = e.target.value
            void act(
              () => callApi(`/api/admin/users/${user.id}`, { method: 'PATCH', json: { role } }),
              t('roleSet', { role }),
            )
          }}
        >
          {ROLE_VALUES.map((role) => (
            <option key={role} value={role}>
              {common('role', { role })}
            </option>
          ))}
        </Select>
        {isLastAdmin ? (
          <p id={`${roleId}-hint`} className="mt-1 max-w-40 text-xs text-slate-500">
            {t('lastAdmin')}
          </p>
        ) : null}
      </td>
      <td className="px-3 py-3">
        <ProfileEditor userId={user.id} name={user.name} attributes={user.attributes} />
      </td>
      <td className="px-3 py-3">
        <ul className="flex flex-wrap gap-1.5" aria-label={t('groupsOf', { name: user.name })}>
          <li className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">everyone</li>
          {user.groups.map((g) => (
            <li
              key={g.id}
              className="inline-flex items-center gap-0.5 rounded bg-violet-100 py-0.5 pr-0.5 pl-1.5 text-xs text-violet-800"
            >
              {g.name}
              <button
                type="button"
                disabled={busy}
                className="rounded p-0.5 hover:bg-violet-200 focus-visible:outline-2 focus-visible:outline-indigo-600"
                aria-label={t('remove', { name: user.name, group: g.name })}
                onClick={() =>
                  act(
                    () => callApi(`/api/admin/users/${user.id}/groups/${g.id}`, { method: 'DELETE' }),
                    t('removed', { group: g.name }),
                  )
                }
              >
                <X className="size-3" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      </td>
      <td className="px-3 py-3">
        {joinable.length > 0 ? (
          <form
            className="flex items-center gap-2"
            onSubmit={(event) => {
              event.preventDefault()
              const group = joinable.find((g) => g.id === toAdd)
              if (!group) return
              void act(
                () => callApi(`/api/admin/users/${user.id}/groups`, { json: { groupId: group.id } }),
                t('added', { group: group.name }),
              ).then(() => setToAdd(''))
            }}
          >
            <label htmlFor={addId} className="sr-only">
              {t('addLabel', { name: user.name })}
            </label>
            <Select id={addId} className="w-36" value={toAdd} onChange={(e) => setToAdd(e.target.value)}>
              <option value="">{t('addPlaceholder')}</option>
              {joinable.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </Select>
            <Button type="submit" variant="secondary" size="sm" disabled={busy || !toAdd}>
              {t('add')}
            </Button>
          </form>
        ) : (
          <span className="text-xs text-slate-500">{t('inEveryGroup')}</span>
        )}
        {message ? (
          <p
            role={message.tone === 'error' ? 'alert' : 'status'}
            className={
              message.tone === 'error' ? 'mt-1 text-xs text-red-700' : 'mt-1 text-xs text-emerald-700'
            }
          >
            {message.text}
          </p>
        ) : null}
      </td>
    </tr>
  )
}
