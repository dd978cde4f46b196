import { expect, type Locator, type Page } from '@playwright/test'

/** /admin/users: roles, memberships, groups. */
export class AdminUsersPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/admin/users')
    await expect(this.page.getByRole('heading', { name: 'Users and groups' })).toBeVisible()
  }

  row(email: string): Locator {
    return this.page.getByTestId('user-row').filter({ hasText: email })
  }

  async createGroup(name: string, description = '') {
    const form = this.page.getByRole('form', { name: 'Create a group' })
    await form.getByLabel('Name').fill(name)
    await form.getByLabel('Description (optional)').fill(description)
    await form.getByRole('button', { name: 'Create group' }).click()
    await expect(form.getByRole('status')).toContainText(`Group “${name}” created.`)
  }

  async addToGroup(email: string, userName: string, group: string) {
    const row = this.row(email)
    await row.getByLabel(`Add ${userName} to a group`).selectOption({ label: group })
    await row.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(row.getByRole('list', { name: `Groups of ${userName}` })).toContainText(group)
  }

  async removeFromGroup(email: string, userName: string, group: string) {
    const row = this.row(email)
    await row.getByRole('button', { name: `Remove ${userName} from ${group}` }).click()
    await expect(row.getByRole('list', { name: `Groups of ${userName}` })).not.toContainText(group)
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true })
  }
}
