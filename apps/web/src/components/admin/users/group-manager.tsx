'use client'

import type { AdminGroupRow } from '@policydesk/db'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { Alert, describedBy, Field, Input } from '@/components/ui/form-controls'
import { callApi } from '@/lib/client/api-client'
import { groupNameSchema } from '@/lib/shared/admin/upload-fields'
import { formatInt } from '@/lib/shared/format'

const nameProblem = (name: string) => {
  const parsed = groupNameSchema.safeParse(name)
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'invalid name')
}

/** Grants or revokes `handoffs`: members answer questions handed to this group (/handoffs). */
function HandoffsPermission({ group }: { group: AdminGroupRow }) {
  const t = useTranslations('admin.users.group')
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const granted = group.permissions.includes('handoffs')
  return (
    <span className="flex items-center gap-2">
      <label className="flex items-center gap-1.5 text-xs text-slate-700">
        <input
          type="checkbox"
          checked={granted}
          disabled={busy}
          onChange={async () => {
            setBusy(true)
            const result = await callApi(`/api/admin/groups/${group.id}/permissions`, {
              method: 'PUT',
              json: { permissions: granted ? [] : ['handoffs'] },
            })
            setBusy(false)
            setError(result.ok ? null : result.error)
            router.refresh()
          }}
        />
        {t('answersHandoffs')}
      </label>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  )
}

function GroupItem({ group }: { group: AdminGroupRow }) {
  const t = useTranslations('admin.users.group')
  const router = useRouter()
  const [editing, setEditing] = useState(false)
  const [name, setName] = useState(group.name)
  const [description, setDescription] = useState(group.description)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const fixed = group.name === 'everyone'
  const id = `group-${group.id}`
  return (
    <li className="px-4 py-3" data-testid="group-row">
      {!editing ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div>
            <span className="font-medium text-slate-900">{group.name}</span>
            <span className="ml-2 text-xs text-slate-500">
              {fixed
                ? t('everyUser')
                : t('members', { count: group.memberCount, n: formatInt(group.memberCount) })}{' '}
              · {t('documents', { count: group.documentCount, n: formatInt(group.documentCount) })}
            </span>
            {group.description ? <p className="text-xs text-slate-600">{group.description}</p> : null}
          </div>
          <div className="flex items-center gap-2">
            <HandoffsPermission group={group} />
            {!fixed ? (
              <Button
                variant="ghost"
                size="sm"
                onClick={() => setEditing(true)}
                aria-label={t('rename', { name: group.name })}
              >
                {t('renameButton')}
              </Button>
            ) : null}
          </div>
        </div>
      ) : (
        <form
          className="space-y-2"
          onSubmit={async (event) => {
            event.preventDefault()
            const problem = nameProblem(name)
            if (problem) {
              setError(problem)
              return
            }
            setBusy(true)
            const result = await callApi(`/api/admin/groups/${group.id}`, {
              method: 'PATCH',
              json: { name: name.trim(), description: description.trim() },
            })
            setBusy(false)
            if (!result.ok) setError(result.error)
            else {
              setEditing(false)
              setError(null)
              router.refresh()
            }
          }}
        >
          <Field id={`${id}-name`} label={t('name')} error={error}>
            <Input
              id={`${id}-name`}
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={Boolean(error)}
              aria-describedby={describedBy(`${id}-name`, { error })}
            />
          </Field>
          <Field id={`${id}-description`} label={t('description')}>
            <Input
              id={`${id}-description`}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          </Field>
          <p className="text-xs text-slate-500">{t('renameHint')}</p>
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={busy}>
              {t('save')}
            </Button>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => {
                setEditing(false)
                setName(group.name)
                setDescription(group.description)
                setError(null)
              }}
            >
              {t('cancel')}
            </Button>
          </div>
        </form>
      )}
    </li>
  )
}

/** Groups with counts, rename in place, and a form to create one. */
export function GroupManager({ groups }: { groups: AdminGroupRow[] }) {
  const t = useTranslations('admin.users.group')
  const router = useRouter()
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [created, setCreated] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <div>
      <ul className="divide-y divide-slate-100" aria-label={t('list')}>
        {groups.map((g) => (
          <GroupItem key={g.id} group={g} />
        ))}
      </ul>
      <form
        className="space-y-2 border-t border-slate-200 p-4"
        aria-label={t('create')}
        onSubmit={async (event) => {
          event.preventDefault()
          setCreated(null)
          const problem = nameProblem(name)
          if (problem) {
            setError(problem)
            return
          }
          setBusy(true)
          const result = await callApi('/api/admin/groups', {
            json: { name: name.trim(), description: description.trim() },
          })
          setBusy(false)
          if (!result.ok) setError(result.error)
          else {
            setCreated(name.trim())
            setName('')
            setDescription('')
            setError(null)
            router.refresh()
          }
        }}
      >
        <h3 className="text-sm font-semibold text-slate-900">{t('newGroup')}</h3>
        <Field id="new-group-name" label={t('name')} hint={t('nameHint')} error={error}>
          <Input
            id="new-group-name"
            value={name}
            placeholder={t('namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={Boolean(error)}
            aria-describedby={describedBy('new-group-name', { hint: true, error })}
          />
        </Field>
        <Field id="new-group-description" label={t('descriptionOptional')}>
          <Input
            id="new-group-description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </Field>
        {created ? <Alert tone="success">{t('created', { name: created })}</Alert> : null}
        <Button type="submit" size="sm" disabled={busy}>
          {t('createButton')}
        </Button>
      </form>
    </div>
  )
}
