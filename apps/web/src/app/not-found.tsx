import { FileQuestion } from 'lucide-react'
import Link from 'next/link'
import { primaryLinkClass, StatusPage } from '@/components/status-page'
import { getTranslator } from '@/lib/server/i18n/server'

/** Unknown addresses and notFound(): a real 404 with a way back. */
export default async function NotFound() {
  const t = await getTranslator()
  return (
    <StatusPage
      icon={FileQuestion}
      title={t('errors.notFoundTitle')}
      actions={
        <Link href="/" className={primaryLinkClass}>
          {t('errors.backHome')}
        </Link>
      }
    >
      <p>{t('errors.notFoundText')}</p>
    </StatusPage>
  )
}
