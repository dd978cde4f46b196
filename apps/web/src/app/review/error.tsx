'use client'

import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'

/** A review page failed to load (database down, query error): say so and offer a retry. */
export default function ReviewError({
  error,
  reset,
}: {
  error: Error & { digest?: string }
  reset: () => void
}) {
  const t = useTranslations('review.error')
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
      <h1 className="text-lg font-semibold text-red-900">{t('title')}</h1>
      <p className="mt-1 text-sm text-red-800">
        {error.digest ? t('textWithReference', { digest: error.digest }) : t('text')}
      </p>
      <Button className="mt-4" variant="secondary" onClick={reset}>
        {t('tryAgain')}
      </Button>
    </div>
  )
}
