'use client'

import type { ReactNode } from 'react'
import { IntlProvider } from 'use-intl'
import type { Catalog } from '@/lib/shared/i18n/catalog'
import type { Locale } from '@/lib/shared/i18n/locales'
import '@/lib/shared/i18n/app-config'
import type { en } from '@/lib/shared/i18n/messages/en'

/** Client components' translations (`useTranslations`), from the catalog the root layout chose. */
export function I18nProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale
  messages: Catalog
  children: ReactNode
}) {
  return (
    <IntlProvider locale={locale} messages={messages as typeof en} timeZone="UTC">
      {children}
    </IntlProvider>
  )
}
