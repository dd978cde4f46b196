import 'server-only'
import { createTranslator } from 'use-intl/core'
import { readPreferences } from '@/lib/server/preferences'
import { messagesFor } from '@/lib/shared/i18n/catalog'
import '@/lib/shared/i18n/app-config'
import type { en } from '@/lib/shared/i18n/messages/en'

/** A translator for server components, in the reader's language (`t('errors.notFoundTitle')`). */
export async function getTranslator() {
  const { locale } = await readPreferences()
  return createTranslator({ locale, messages: messagesFor(locale) as typeof en })
}

/** The server translator's type, for helpers that build labels (table columns) outside a component. */
export type ServerTranslator = Awaited<ReturnType<typeof getTranslator>>
