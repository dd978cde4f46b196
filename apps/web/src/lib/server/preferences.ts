import 'server-only'
import { cookies, headers } from 'next/headers'
import { LOCALE_COOKIE, type Locale, negotiateLocale } from '@/lib/shared/i18n/locales'
import { parseTheme, THEME_COOKIE, type Theme } from '@/lib/shared/theme/theme'

/** The reader's theme and language, from their cookies (and Accept-Language), for server rendering. */
export async function readPreferences(): Promise<{ theme: Theme; locale: Locale }> {
  const jar = await cookies()
  const locale = negotiateLocale(jar.get(LOCALE_COOKIE)?.value, (await headers()).get('accept-language'))
  return { theme: parseTheme(jar.get(THEME_COOKIE)?.value), locale }
}
