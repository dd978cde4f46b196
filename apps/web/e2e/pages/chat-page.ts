import { expect, type Locator, type Page, type Response } from '@playwright/test'

export class ChatPage {
  readonly input: Locator
  readonly sendButton: Locator
  readonly stopButton: Locator
  readonly citationPanel: Locator
  readonly conversations: Locator

  constructor(private readonly page: Page) {
    this.input = page.getByRole('textbox', { name: 'Your question' })
    this.sendButton = page.getByRole('button', { name: 'Send question' })
    this.stopButton = page.getByRole('button', { name: 'Stop answering' })
    this.citationPanel = page.getByTestId('citation-panel')
    this.conversations = page.getByRole('navigation', { name: 'Conversations' }).first()
  }

  async goto() {
    await this.page.goto('/')
  }

  lastAnswer(): Locator {
    return this.page.getByTestId('assistant-message').last()
  }

  /** Types and sends with Enter; resolves with the /api/chat response once the answer is complete. */
  async ask(question: string): Promise<Response> {
    const response = this.page.waitForResponse((r) => r.url().endsWith('/api/chat'))
    await this.input.fill(question)
    await this.input.press('Enter')
    const result = await response
    // Done = the answer can be rated (answers and abstentions both carry the rating buttons).
    await expect(this.lastAnswer().getByRole('button', { name: 'Helpful answer', exact: true })).toBeVisible()
    return result
  }

  /** Opens the first citation of the last answer; retried, as a click before hydration does nothing. */
  async openCitation() {
    await expect(async () => {
      await this.lastAnswer().getByTestId('citation-marker').first().click()
      await expect(this.citationPanel.first()).toBeVisible({ timeout: 1_000 })
    }).toPass({ timeout: 15_000 })
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png` })
  }
}
