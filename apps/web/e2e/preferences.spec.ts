import { expect, test } from './fixtures'

/** The body's background brightness (0–255, mean of the RGB channels): dark themes sit near the bottom. */
const backgroundBrightness = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const probe = document.createElement('canvas').getContext('2d')
    if (!probe) return -1
    probe.fillStyle = getComputedStyle(document.body).backgroundColor
    probe.fillRect(0, 0, 1, 1)
    const [r = 0, g = 0, b = 0] = probe.getImageData(0, 0, 1, 1).data
    return (r + g + b) / 3
  })

test('theme: follows the system until chosen, then the choice persists across reloads', async ({
  page,
  chat,
  signInViaApi,
}) => {
  await signInViaApi('employee')
  await page.emulateMedia({ colorScheme: 'dark' })
  await chat.goto()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system')
  expect(await backgroundBrightness(page)).toBeLessThan(40)
  await page.emulateMedia({ colorScheme: 'light' })
  expect(await backgroundBrightness(page)).toBeGreaterThan(220)

  const toggle = page.getByTestId('theme-toggle')
  await toggle.click() // system → light
  await toggle.click() // light → dark
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  expect(await backgroundBrightness(page)).toBeLessThan(40)
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-theme-choice', 'dark')
  expect(await backgroundBrightness(page)).toBeLessThan(40)
})

test('language: the browser’s German is used, the picker switches and is remembered', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, locale: 'de-DE' })
  const page = await context.newPage()
  await context.request.post('/api/auth/dev-sign-in', {
    data: { email: 'employee@example.com' },
    headers: { Origin: baseURL ?? '' },
  })
  await page.goto('/')
  await expect(page.locator('html')).toHaveAttribute('lang', 'de')
  await expect(page.getByRole('heading', { name: 'Hallo Emma, was möchten Sie wissen?' })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Ihre Frage' })).toBeVisible()

  await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en')
  await expect(page.getByRole('heading', { name: 'Hi Emma, what would you like to know?' })).toBeVisible()
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('textbox', { name: 'Your question' })).toBeVisible()
  await context.close()
})
