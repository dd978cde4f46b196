'use client'

import type { AdminGroupRow } from '@policydesk/db'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { Alert, describedBy, Field, Input } from '@/components/ui/form-controls'
import { callApi } from '@/lib/admin/api-client'
import { groupNameSchema } from '@/lib/admin/upload-fields'

const nameProblem = (name: string) => {
  const parsed = groupNameSchema.safeParse(name)
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'invalid name')
}

function GroupItem({ group }: { group: AdminGroupRow }) {
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
                ? 'every signed-in user'
                : `${group.memberCount} member${group.memberCount === 1 ? '' : 's'}`}{' '}
              · {group.documentCount} document{group.documentCount === 1 ? '' : 's'}
            </span>
            {group.description ? <p className="text-xs text-slate-600">{group.description}</p> : null}
          </div>
          {!fixed ? (
            <Button
              variant="ghost"
              size="sm"
              onClick={() => setEditing(true)}
              aria-label={`Rename group ${group.name}`}
            >
              Rename
            </Button>
          ) : null}
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
          <Field id={`${id}-name`} label="Name" error={error}>
            <Input
              id={`${id}-name`}
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={Boolean(error)}
              aria-describedby={describedBy(`${id}-name`, { error })}
            />
          </Field>
          <Field id={`${id}-description`} label="Description">
            <Input
              id={`${id}-description`}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          </Field>
          <p className="text-xs text-slate-500">
            Members and document access stay as they are. With OIDC, rename the claim value in your identity
            provider too.
          </p>
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={busy}>
              Save
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
              Cancel
            </Button>
          </div>
        </form>
      )}
    </li>
  )
}

/** Groups with counts, rename in place, and a form to create one. */
export function GroupManager({ groups }: { groups: AdminGroupRow[] }) {
  const router = useRouter()
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [created, setCreated] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  return (
    <div>
      <ul className="divide-y divide-slate-100" aria-label="Groups">
        {groups.map((g) => (
          <GroupItem key={g.id} group={g} />
        ))}
      </ul>
      <form
        className="space-y-2 border-t border-slate-200 p-4"
        aria-label="Create a group"
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
        <h3 className="text-sm font-semibold text-slate-900">New group</h3>
        <Field id="new-group-name" label="Name" hint="Lower-case letters, digits, - and _" error={error}>
          <Input
            id="new-group-name"
            value={name}
            placeholder="e.g. finance"
            onChange={(e) => setName(e.target.value)}
            aria-invalid={Boolean(error)}
            aria-describedby={describedBy('new-group-name', { hint: true, error })}
          />
        </Field>
        <Field id="new-group-description" label="Description (optional)">
          <Input
            id="new-group-description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </Field>
        {created ? <Alert tone="success">Group “{created}” created.</Alert> : null}
        <Button type="submit" size="sm" disabled={busy}>
          Create group
        </Button>
      </form>
    </div>
  )
}
