import { expect, type Locator, type Page } from '@playwright/test'

export type FilePayload = { name: string; mimeType: string; buffer: Buffer }

/** /admin/documents/upload: drop zone, one card per file, live status after upload. */
export class AdminUploadPage {
  readonly fileInput: Locator
  readonly uploadButton: Locator

  constructor(private readonly page: Page) {
    this.fileInput = page.getByLabel('Choose files to upload')
    this.uploadButton = page.getByRole('button', { name: /^Upload( \d+)? files?$/ })
  }

  async goto() {
    await this.page.goto('/admin/documents/upload')
    await expect(this.page.getByRole('heading', { name: 'Upload documents' })).toBeVisible()
  }

  async addFiles(files: FilePayload[]) {
    await this.fileInput.setInputFiles(files)
  }

  item(fileName: string): Locator {
    return this.page.getByTestId('upload-item').filter({ hasText: fileName })
  }

  async setTitle(fileName: string, title: string) {
    await this.item(fileName).getByLabel('Title').fill(title)
  }

  async setTags(fileName: string, tags: string) {
    await this.item(fileName).getByLabel('Tags (optional)').fill(tags)
  }

  status(fileName: string): Locator {
    return this.item(fileName).getByTestId('version-status')
  }

  async waitForStatus(fileName: string, status: 'ready' | 'failed', timeout = 60_000) {
    await expect(this.status(fileName)).toHaveAttribute('data-status', status, { timeout })
  }

  /** The document the upload created (from the item's "Open …" link). */
  async documentId(fileName: string): Promise<string> {
    const href = await this.item(fileName).getByRole('link', { name: /^Open/ }).getAttribute('href')
    const id = href?.split('/').pop()
    if (!id) throw new Error(`no document link for ${fileName}`)
    return id
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true })
  }
}
