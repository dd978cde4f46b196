'use client'

import { AlertTriangle } from 'lucide-react'
import { useSyncExternalStore } from 'react'
import { createTranslator } from 'use-intl/core'
import { StatusPage } from '@/components/status-page'
import { Button } from '@/components/ui/button'
import { messagesFor } from '@/lib/shared/i18n/catalog'
import { LOCALE_COOKIE, type Locale, negotiateLocale } from '@/lib/shared/i18n/locales'
import type { en } from '@/lib/shared/i18n/messages/en'
import './globals.css'

const localeCookie = () =>
  document.cookie
    .split('; ')
    .find((c) => c.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1)

/** The browser's language choice, read on the client (the root layout that knows it is what failed). */
function useBrowserLocale(): Locale {
  return useSyncExternalStore(
    () => () => {},
    () => negotiateLocale(localeCookie(), navigator.languages.join(',')),
    () => 'en',
  )
}

/**
 * The root layout itself failed: this replaces it, so it renders its own <html> and <body> and its own
 * translator (the layout's providers are gone).
 */
export default function GlobalError({
  error,
  retry,
}: {
  error: Error & { digest?: string }
  retry: () => void
}) {
  const locale = useBrowserLocale()
  const t = createTranslator({ locale, messages: messagesFor(locale) as typeof en, namespace: 'errors' })
  return (
    <html lang={locale} data-theme="system">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <StatusPage
          icon={AlertTriangle}
          tone="danger"
          title={t('errorTitle')}
          actions={<Button onClick={retry}>{t('tryAgain')}</Button>}
        >
          <div role="alert">
            <p>{t('errorText')}</p>
            {error.digest ? <p className="mt-1 text-sm">{t('reference', { digest: error.digest })}</p> : null}
          </div>
        </StatusPage>
      </body>
    </html>
  )
}
