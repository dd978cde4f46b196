import { getTranslator } from '@/lib/server/i18n/server'

/** Shown while an admin page loads its data on the server. */
export default async function AdminLoading() {
  const t = await getTranslator()
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <span className="sr-only">{t('common.loading')}</span>
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-4 w-96 animate-pulse rounded bg-slate-200" />
      <div className="mt-6 h-64 animate-pulse rounded-lg bg-slate-200" />
    </div>
  )
}
