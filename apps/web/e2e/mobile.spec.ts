import { devices, type Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { chooseTheme, screenshot } from './support/themes'

/** A phone: Pixel 7's viewport, touch and mobile flags, in Chromium. */
test.use({
  viewport: devices['Pixel 7'].viewport,
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 1,
})

/** The page never scrolls sideways (wide tables scroll inside their own box). */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(1)
}

test('phone: conversations sheet, composer, answer and the sources sheet with the cited PDF page', async ({
  page,
  chat,
  signInViaApi,
  context,
  baseURL,
}) => {
  await signInViaApi('employee')
  await chat.goto()
  await expect(chat.input).toBeInViewport()
  await expectNoSidewaysScroll(page)
  await screenshot(page, 'phone-chat-empty-light')

  await chat.ask('Who has to approve an expense claim of EUR 4,000?')
  await expect(chat.lastAnswer().getByTestId('answer-text')).toContainText('department head')
  await expectNoSidewaysScroll(page)

  // Conversations live in a sheet on a phone.
  await page.getByRole('button', { name: 'Show conversations' }).tap()
  const conversations = page.getByRole('dialog', { name: 'Conversations' })
  await expect(conversations).toBeVisible()
  await expect(conversations.getByRole('button', { name: /^Who has to approve/ }).first()).toBeVisible()
  await screenshot(page, 'phone-conversations-light')
  await conversations.getByRole('button', { name: 'Close' }).tap()
  await expect(conversations).toBeHidden()

  // Sources open as a sheet; the cited PDF page opens inside it.
  await chat.lastAnswer().getByTestId('citation-marker').first().tap()
  const sources = page.getByRole('dialog', { name: 'Sources' })
  await expect(sources.getByTestId('citation-panel')).toBeVisible()
  await screenshot(page, 'phone-sources-light')
  await sources.getByTestId('show-in-document').first().tap()
  await expect(sources.getByTestId('pdf-highlight').first()).toBeVisible()
  await screenshot(page, 'phone-document-pdf-light')
  await sources.getByRole('button', { name: 'Close' }).tap()
  await expect(sources).toBeHidden()

  // The same states in the dark theme.
  await chooseTheme(context, baseURL ?? '', 'dark')
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await screenshot(page, 'phone-chat-answer-dark')
  await chat.openCitation()
  await expect(page.getByRole('dialog', { name: 'Sources' })).toBeVisible()
  await screenshot(page, 'phone-sources-dark')
})

for (const [url, heading] of [
  ['/admin/documents', 'Documents'],
  ['/admin/audit', 'Audit log'],
  ['/review', 'Review'],
  ['/review/queue', 'Review queue'],
  ['/review/dashboard', 'Review dashboard'],
] as const) {
  test(`phone: ${url} reads without sideways scrolling`, async ({ page, signInViaApi }) => {
    await signInViaApi('admin')
    const response = await page.goto(url)
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', { level: 1 }).first()).toContainText(heading)
    await expectNoSidewaysScroll(page)
    await screenshot(page, `phone${url.replaceAll('/', '-')}-light`)
  })
}
