import { expect, type Locator, type Page } from '@playwright/test'

/** /admin/documents/[id]: versions, chunks, access, replace, delete and purge. */
export class AdminDocumentPage {
  readonly access: Locator
  readonly versions: Locator
  readonly chunks: Locator

  constructor(private readonly page: Page) {
    this.access = page.getByRole('region', { name: 'Access' })
    this.versions = page.getByTestId('version-row')
    this.chunks = page.getByTestId('chunk')
  }

  async goto(documentId: string) {
    await this.page.goto(`/admin/documents/${documentId}`)
  }

  /** Checks exactly these groups in the Access card and saves. */
  async setAccess(groups: string[]) {
    const boxes = this.access.getByRole('checkbox')
    for (const box of await boxes.all()) {
      const label = (await box.locator('xpath=..').textContent())?.split('(')[0]?.trim() ?? ''
      await box.setChecked(groups.includes(label))
    }
    await this.access.getByRole('button', { name: 'Save access' }).click()
    await expect(this.access.getByRole('status')).toContainText(`Readable by: ${groups.join(', ')}`)
  }

  async delete() {
    await this.page.getByRole('button', { name: 'Delete document' }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Delete this document?' })
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click()
    await expect(dialog).toBeHidden()
    await expect(this.page.getByRole('status').filter({ hasText: /^Deleted on/ })).toBeVisible()
  }

  async openPurgeDialog(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Purge…' }).click()
    return this.page.getByRole('dialog', { name: 'Purge this document for good?' })
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true })
  }
}
