import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { I18nProvider } from '@/components/preferences/i18n-provider'
import { readPreferences } from '@/lib/server/preferences'
import { messagesFor } from '@/lib/shared/i18n/catalog'
import './globals.css'

export const metadata: Metadata = {
  title: 'Policy Desk',
  description: 'Answers to policy questions from your company’s own documents, with citations.',
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
}

/** The theme and language come from the reader's cookies, so the first paint is already right. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const { theme, locale } = await readPreferences()
  return (
    <html lang={locale} data-theme={theme}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <I18nProvider locale={locale} messages={messagesFor(locale)}>
          {children}
        </I18nProvider>
      </body>
    </html>
  )
}
