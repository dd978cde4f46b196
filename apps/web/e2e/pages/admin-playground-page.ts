import { expect, type Locator, type Page } from '@playwright/test'

/** /admin/playground: ask as a user or group; passages, answer validation, exclusions. */
export class AdminPlaygroundPage {
  readonly passages: Locator
  readonly excluded: Locator
  readonly answer: Locator

  constructor(private readonly page: Page) {
    this.passages = page.getByTestId('playground-passage')
    this.excluded = page.getByTestId('excluded-documents')
    this.answer = page.getByTestId('playground-answer')
  }

  async goto() {
    await this.page.goto('/admin/playground')
    await expect(this.page.getByRole('heading', { name: 'Retrieval playground' })).toBeVisible()
  }

  async run(question: string, readAs: string) {
    await this.page.getByLabel('Question').fill(question)
    await this.page.getByLabel('Read as').selectOption({ label: readAs })
    const response = this.page.waitForResponse((r) => r.url().endsWith('/api/admin/playground'))
    await this.page.getByRole('button', { name: 'Run' }).click()
    expect((await response).status()).toBe(200)
    await expect(this.page.getByTestId('playground-reader')).toBeVisible()
  }

  topPassageTitle(): Locator {
    return this.passages.first().getByTestId('passage-title')
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true })
  }
}
