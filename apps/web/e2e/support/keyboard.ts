import type { Locator, Page } from '@playwright/test'

/** Presses Tab (or Shift+Tab) until the target has focus, as a keyboard user would; fails after `max`. */
export async function tabTo(
  page: Page,
  target: Locator,
  direction: 'forward' | 'backward' = 'forward',
  max = 60,
) {
  const key = direction === 'forward' ? 'Tab' : 'Shift+Tab'
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return
    await page.keyboard.press(key)
  }
  throw new Error(`${max} × ${key} never reached ${target}`)
}
