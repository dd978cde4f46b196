import { ShieldX } from 'lucide-react'
import Link from 'next/link'
import { primaryLinkClass, StatusPage } from '@/components/status-page'
import { getTranslator } from '@/lib/server/i18n/server'

/** Rendered by forbidden() with HTTP 403: signed in, but this area belongs to another role. */
export default async function Forbidden() {
  const t = await getTranslator()
  return (
    <StatusPage
      icon={ShieldX}
      tone="danger"
      title={t('errors.forbiddenTitle')}
      actions={
        <Link href="/" className={primaryLinkClass}>
          {t('errors.backToAsking')}
        </Link>
      }
    >
      <p>{t('errors.forbiddenText')}</p>
    </StatusPage>
  )
}
