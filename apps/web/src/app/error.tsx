'use client'

import { AlertTriangle } from 'lucide-react'
import Link from 'next/link'
import { useTranslations } from 'use-intl'
import { StatusPage } from '@/components/status-page'
import { Button, buttonVariants } from '@/components/ui/button'

/**
 * A page outside the admin and review areas (the chat, sign-in) failed to render: say so, offer a retry
 * (`retry` fetches the page again), and show the digest that finds the error in the server log.
 */
export default function AppError({
  error,
  retry,
}: {
  error: Error & { digest?: string }
  retry: () => void
}) {
  const t = useTranslations('errors')
  return (
    <StatusPage
      icon={AlertTriangle}
      tone="danger"
      title={t('errorTitle')}
      actions={
        <>
          <Button onClick={retry}>{t('tryAgain')}</Button>
          <Link href="/" className={buttonVariants({ variant: 'secondary' })}>
            {t('backHome')}
          </Link>
        </>
      }
    >
      <div role="alert">
        <p>{t('errorText')}</p>
        {error.digest ? <p className="mt-1 text-sm">{t('reference', { digest: error.digest })}</p> : null}
      </div>
    </StatusPage>
  )
}
