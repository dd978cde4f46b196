import { getTranslator } from '@/lib/server/i18n/server'

/**
 * Shown while a review page loads its data (queries over the whole log can take a moment). Each list
 * page's `loading.tsx` re-exports it; there is none at `app/review/` on purpose: a loading boundary
 * streams the response, so `/review/answers/[id]` could no longer answer a hidden or unknown answer with
 * a real 404 (`notFound()` after the 200 has been sent).
 */
export async function ReviewLoading() {
  const t = await getTranslator()
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <span className="sr-only">{t('common.loading')}</span>
      <div className="h-8 w-56 rounded bg-slate-200" />
      <div className="h-28 rounded-lg bg-slate-200/70" />
      <div className="space-y-2">
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <div key={i} className="h-12 rounded bg-slate-200/60" />
        ))}
      </div>
    </div>
  )
}
