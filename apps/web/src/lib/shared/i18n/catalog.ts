import type { Locale } from '@/lib/shared/i18n/locales'
import { de } from '@/lib/shared/i18n/messages/de'
import { en } from '@/lib/shared/i18n/messages/en'

/** The shape every catalog has: English's keys, any strings. */
type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> }
export type Catalog = Strings<typeof en>

export const CATALOGS: Record<Locale, Catalog> = { en, de }

/** Where the UI's messages come from; English is also the fallback when a message fails to format. */
export function messagesFor(locale: Locale): Catalog {
  return CATALOGS[locale]
}
