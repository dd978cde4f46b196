'use client'

import { Play } from 'lucide-react'
import { useState } from 'react'
import { useTranslations } from 'use-intl'
import type { PlaygroundRequest } from '@/app/api/admin/playground/schema'
import { Button } from '@/components/ui/button'
import { Alert, Select } from '@/components/ui/form-controls'
import { Textarea } from '@/components/ui/textarea'
import { callApi } from '@/lib/client/api-client'
import type { PlaygroundResult } from '@/lib/shared/admin/playground-schema'
import { PlaygroundResults } from './playground-results'

export type ReaderOption = { value: string; label: string }

function toReader(value: string): PlaygroundRequest['reader'] | null {
  const [kind, id] = value.split(':')
  if (!id) return null
  if (kind === 'user') return { kind: 'user', userId: id }
  if (kind === 'group') return { kind: 'group', groupId: id }
  return null
}

/** Ask as someone else: the form, then everything the pipeline saw and decided. */
export function PlaygroundForm({
  users,
  groups,
  defaultReader,
}: {
  users: ReaderOption[]
  groups: ReaderOption[]
  defaultReader: string
}) {
  const t = useTranslations('admin.playground.form')
  const [question, setQuestion] = useState('')
  const [reader, setReader] = useState(defaultReader)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [result, setResult] = useState<PlaygroundResult | null>(null)

  return (
    <div className="space-y-5">
      <form
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-[1fr_16rem]"
        aria-busy={busy}
        onSubmit={async (event) => {
          event.preventDefault()
          const target = toReader(reader)
          if (question.trim() === '' || !target) {
            setError(t('missing'))
            return
          }
          setBusy(true)
          setError(null)
          const response = await callApi<PlaygroundResult>('/api/admin/playground', {
            json: { question, reader: target },
          })
          setBusy(false)
          if (response.ok) setResult(response.data)
          else setError(response.error)
        }}
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="playground-question" className="text-xs font-medium text-slate-700">
            {t('question')}
          </label>
          <Textarea
            id="playground-question"
            rows={2}
            value={question}
            maxLength={1000}
            placeholder={t('placeholder')}
            onChange={(e) => setQuestion(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault()
                e.currentTarget.form?.requestSubmit()
              }
            }}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="playground-reader" className="text-xs font-medium text-slate-700">
            {t('readAs')}
          </label>
          <Select id="playground-reader" value={reader} onChange={(e) => setReader(e.target.value)}>
            <optgroup label={t('users')}>
              {users.map((u) => (
                <option key={u.value} value={u.value}>
                  {u.label}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('groups')}>
              {groups.map((g) => (
                <option key={g.value} value={g.value}>
                  {g.label}
                </option>
              ))}
            </optgroup>
          </Select>
          <Button type="submit" className="mt-2" disabled={busy}>
            <Play aria-hidden />
            {busy ? t('running') : t('run')}
          </Button>
        </div>
      </form>
      {error ? <Alert>{error}</Alert> : null}
      {busy && !result ? (
        <p role="status" className="text-sm text-slate-600">
          {t('working')}
        </p>
      ) : null}
      {result ? <PlaygroundResults result={result} /> : null}
      {!result && !busy ? <p className="text-sm text-slate-600">{t('intro')}</p> : null}
    </div>
  )
}
