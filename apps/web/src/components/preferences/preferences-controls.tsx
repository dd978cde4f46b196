'use client'

import { Monitor, Moon, Sun } from 'lucide-react'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useLocale, useTranslations } from 'use-intl'
import { setPreferenceCookie } from '@/lib/client/preference-cookie'
import { isLocale, LOCALE_COOKIE, LOCALE_NAMES, LOCALES } from '@/lib/shared/i18n/locales'
import { nextTheme, THEME_COOKIE, type Theme } from '@/lib/shared/theme/theme'
import { cn } from '@/lib/shared/utils'

const ICONS = { system: Monitor, light: Sun, dark: Moon } as const

/** Cycles system → light → dark; applied at once on <html>, remembered in a cookie for the next render. */
export function ThemeToggle({ initial, className }: { initial: Theme; className?: string }) {
  const t = useTranslations('preferences')
  const [theme, setTheme] = useState<Theme>(initial)
  const Icon = ICONS[theme]
  const label = t('theme', { theme: t('themeName', { theme }) })
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      data-testid="theme-toggle"
      data-theme-choice={theme}
      onClick={() => {
        const next = nextTheme(theme)
        document.documentElement.dataset.theme = next
        setPreferenceCookie(THEME_COOKIE, next)
        setTheme(next)
      }}
      className={cn(
        'inline-flex size-8 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600',
        className,
      )}
    >
      <Icon className="size-4" aria-hidden />
    </button>
  )
}

/** The UI language; a change re-renders the page on the server in the new language. */
export function LanguageSelect({ className }: { className?: string }) {
  const t = useTranslations('preferences')
  const locale = useLocale()
  const router = useRouter()
  return (
    <select
      aria-label={t('language')}
      value={locale}
      onChange={(e) => {
        if (!isLocale(e.target.value)) return
        setPreferenceCookie(LOCALE_COOKIE, e.target.value)
        router.refresh()
      }}
      className={cn(
        'h-8 rounded-md border border-slate-300 bg-white px-1.5 text-sm text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600',
        className,
      )}
    >
      {LOCALES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LOCALE_NAMES[l]}
        </option>
      ))}
    </select>
  )
}
