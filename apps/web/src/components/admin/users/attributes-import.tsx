'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { callApi } from '@/lib/client/api-client'

type ImportError = { line: number; error: string }

/**
 * Upload of a profiles CSV (`email,country,location,employmentType,department,level,startDate`). All rows
 * or none: problems are listed by line and nothing changes until the file is clean.
 */
export function AttributesImport() {
  const t = useTranslations('admin.users.import')
  const router = useRouter()
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ tone: 'ok' | 'error'; text: string; errors: ImportError[] } | null>(
    null,
  )
  return (
    <form
      className="space-y-2 p-4"
      onSubmit={async (event) => {
        event.preventDefault()
        if (!file) return
        setBusy(true)
        setResult(null)
        try {
          const response = await callApi<{ updated?: number; unchanged?: number }>(
            '/api/admin/users/attributes-import',
            { body: await file.text(), contentType: 'text/csv' },
          )
          if (!response.ok) {
            const errors = (response.body as { errors?: ImportError[] } | null)?.errors ?? []
            const text =
              response.status === 0
                ? t('unreachable')
                : (response.serverError ?? t('failed', { status: String(response.status) }))
            setResult({ tone: 'error', text, errors })
          } else {
            setResult({
              tone: 'ok',
              text: t('imported', {
                updated: String(response.data.updated),
                unchanged: String(response.data.unchanged),
              }),
              errors: [],
            })
            router.refresh()
          }
        } finally {
          setBusy(false)
        }
      }}
    >
      <label htmlFor="attributes-csv" className="block text-sm text-slate-700">
        {t('label')}
      </label>
      <input
        id="attributes-csv"
        type="file"
        accept=".csv,text/csv"
        className="block w-full text-sm"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      <Button type="submit" size="sm" variant="secondary" disabled={busy || !file}>
        {busy ? t('importing') : t('submit')}
      </Button>
      {result ? (
        <div role={result.tone === 'error' ? 'alert' : 'status'} className="text-xs">
          <p className={result.tone === 'error' ? 'text-red-700' : 'text-emerald-700'}>{result.text}</p>
          {result.errors.length > 0 ? (
            <ul className="mt-1 list-disc pl-4 text-red-700">
              {result.errors.slice(0, 20).map((e) => (
                <li key={`${e.line}-${e.error}`}>{t('line', { line: String(e.line), error: e.error })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  )
}
