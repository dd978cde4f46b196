import { expect, type Locator, type Page } from '@playwright/test'

/** /review: the answers log with its filter form. */
export class ReviewLogPage {
  readonly form: Locator
  readonly rows: Locator

  constructor(private readonly page: Page) {
    this.form = page.getByRole('search', { name: 'Filter answers' })
    this.rows = page.getByTestId('answer-row')
  }

  async goto(query = '') {
    const response = await this.page.goto(`/review${query}`)
    expect(response?.status()).toBe(200)
  }

  async filter(options: { feedback?: 'up' | 'down' | 'none'; search?: string; review?: string }) {
    if (options.feedback) await this.form.getByLabel('Feedback').selectOption(options.feedback)
    if (options.review) await this.form.getByLabel('Review status').selectOption(options.review)
    if (options.search !== undefined) await this.form.getByLabel('Search questions').fill(options.search)
    await this.form.getByRole('button', { name: 'Apply filters' }).click()
    await this.page.waitForURL(/\/review\?/)
  }

  row(question: string | RegExp): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name: question }) })
  }

  async open(question: string | RegExp) {
    await this.row(question).getByRole('link', { name: question }).first().click()
    await expect(this.page).toHaveURL(/\/review\/answers\/[0-9a-f-]{36}/)
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true })
  }
}
