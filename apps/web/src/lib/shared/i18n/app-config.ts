import type { Locale } from '@/lib/shared/i18n/locales'
import type { en } from '@/lib/shared/i18n/messages/en'

/**
 * Types use-intl's hooks and translators: keys are checked, and each message's {arguments} are typed from
 * the English text.
 */
declare module 'use-intl' {
  interface AppConfig {
    Locale: Locale
    Messages: typeof en
  }
}
