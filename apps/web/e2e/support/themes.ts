import type { BrowserContext } from '@playwright/test'

export const THEMES = ['light', 'dark'] as const
export type ThemeName = (typeof THEMES)[number]

/** Chooses the theme as the header toggle does: the pd-theme cookie the root layout reads. */
export async function chooseTheme(context: BrowserContext, baseURL: string, theme: ThemeName): Promise<void> {
  await context.addCookies([{ name: 'pd-theme', value: theme, url: baseURL }])
}

export async function screenshot(page: import('@playwright/test').Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` })
}
