/** The colour theme: the operating system's preference unless the user picked one (header toggle). */
export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

/** Read by the root layout, which renders <html data-theme> from it: no flash of the wrong theme. */
export const THEME_COOKIE = 'pd-theme'

export function parseTheme(value: string | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system'
}

/** The toggle's order: system → light → dark → system. */
export function nextTheme(theme: Theme): Theme {
  return THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length] ?? 'system'
}
