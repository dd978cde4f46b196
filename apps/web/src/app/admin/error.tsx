'use client'

import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'

/** A failure while rendering an admin page (e.g. the database is down): say so, offer a retry. */
export default function AdminError({
  error,
  reset,
}: {
  error: Error & { digest?: string }
  reset: () => void
}) {
  const t = useTranslations('admin.error')
  return (
    <div
      role="alert"
      className="mx-auto max-w-lg rounded-lg border border-red-200 bg-white p-6 text-center shadow-sm"
    >
      <h1 className="text-lg font-semibold text-slate-900">{t('title')}</h1>
      <p className="mt-2 text-sm text-slate-600">
        {error.digest ? t('textWithReference', { digest: error.digest }) : t('text')}
      </p>
      <Button className="mt-4" onClick={reset}>
        {t('tryAgain')}
      </Button>
    </div>
  )
}
