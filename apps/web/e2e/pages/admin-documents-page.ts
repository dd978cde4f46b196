import { expect, type Locator, type Page } from '@playwright/test'

/** /admin/documents: filters, sortable table, pagination. */
export class AdminDocumentsPage {
  readonly rows: Locator

  constructor(private readonly page: Page) {
    this.rows = page.getByTestId('document-row')
  }

  async goto(query = '') {
    await this.page.goto(`/admin/documents${query}`)
    await expect(this.page.getByRole('heading', { name: 'Documents', exact: true })).toBeVisible()
  }

  async search(text: string) {
    await this.page.getByRole('searchbox', { name: 'Search titles' }).fill(text)
    await this.page.getByRole('searchbox', { name: 'Search titles' }).press('Enter')
  }

  async filterByStatus(status: string) {
    await this.page.getByLabel('Status', { exact: true }).selectOption(status)
    await this.page.getByRole('button', { name: 'Apply' }).click()
  }

  row(title: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name: title, exact: true }) })
  }

  async open(title: string) {
    await this.row(title).getByRole('link', { name: title, exact: true }).click()
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true })
  }
}
