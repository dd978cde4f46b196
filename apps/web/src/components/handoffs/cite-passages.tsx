'use client'

import { useId, useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { callApi } from '@/lib/client/api-client'

/** A passage found by the replier's search, as the reply cites it. */
export type CitedPassage = { chunkId: string; title: string; headingPath: string[]; text: string }

type SearchResult = { passages: CitedPassage[] }

const excerpt = (text: string) => (text.length > 220 ? `${text.slice(0, 219)}…` : text)

/**
 * Finds passages for a handoff reply to cite: the replier searches their own documents (GET /api/search,
 * their access), ticks passages, and the server refuses any the ASKER may not read when the reply is sent.
 * Lives inside the reply form, so Enter in the search box searches instead of sending the reply.
 */
export function CitePassages({
  initialQuery,
  cited,
  onChange,
}: {
  initialQuery: string
  cited: CitedPassage[]
  onChange: (cited: CitedPassage[]) => void
}) {
  const t = useTranslations('handoffs.actions')
  const queryId = useId()
  const [query, setQuery] = useState(initialQuery)
  const [results, setResults] = useState<CitedPassage[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const citedIds = new Set(cited.map((c) => c.chunkId))

  const search = async () => {
    if (!query.trim()) return
    setBusy(true)
    const result = await callApi<SearchResult>(`/api/search?${new URLSearchParams({ q: query, k: '5' })}`)
    setBusy(false)
    if (result.ok) {
      setResults(result.data.passages)
      setError(null)
    } else setError(result.serverError ?? t('searchFailed'))
  }
  const toggle = (passage: CitedPassage, on: boolean) =>
    onChange(on ? [...cited, passage] : cited.filter((c) => c.chunkId !== passage.chunkId))
  // Ticked passages stay listed when a new search no longer finds them.
  const shown = [...cited, ...(results ?? []).filter((p) => !citedIds.has(p.chunkId))]

  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3" data-testid="cite-passages">
      <legend className="px-1 text-sm font-medium text-slate-800">
        {t('citing', { count: cited.length })}
      </legend>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={queryId} className="text-sm text-slate-700">
          {t('findPassage')}
        </label>
        <input
          id={queryId}
          type="search"
          value={query}
          maxLength={1000}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              void search()
            }
          }}
          className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
        />
        <Button type="button" variant="secondary" size="sm" disabled={busy || !query.trim()} onClick={search}>
          {busy ? t('searching') : t('search')}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {results !== null && shown.length === 0 ? (
        <p className="text-sm text-slate-500">{t('noPassages')}</p>
      ) : null}
      {shown.length > 0 ? (
        <ul className="space-y-1.5">
          {shown.map((p) => (
            <li key={p.chunkId}>
              <label className="flex items-start gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  className="mt-1"
                  checked={citedIds.has(p.chunkId)}
                  onChange={(e) => toggle(p, e.target.checked)}
                />
                <span>
                  <span className="font-medium">{[p.title, ...p.headingPath.slice(1)].join(' › ')}</span>
                  <span className="block text-xs text-slate-600">{excerpt(p.text)}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  )
}
