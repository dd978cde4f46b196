import { expect, type Locator, type Page } from '@playwright/test'

/** /review/answers/[id] (and the queue, which shows the same detail and panel). */
export class ReviewAnswerPage {
  readonly question: Locator
  readonly candidates: Locator
  readonly sentences: Locator
  readonly panel: Locator
  readonly picker: Locator

  constructor(private readonly page: Page) {
    this.question = page.getByTestId('detail-question')
    this.candidates = page.getByTestId('candidate-row')
    this.sentences = page.getByTestId('answer-sentence')
    this.panel = page.getByTestId('review-panel')
    this.picker = page.getByTestId('citation-picker')
  }

  /** Opens the passage of the first candidate containing `text` in its row. */
  async showPassage(row: Locator) {
    await row.getByText('Show passage').click()
    await expect(row.getByTestId('candidate-passage')).toBeVisible()
  }

  /** Correct: the given text, citing exactly the candidate whose passage contains `passage` as [1]. */
  async correct(text: string, passage: string) {
    await this.panel.getByText('Correct', { exact: true }).click()
    const answer = this.panel.getByLabel('Corrected answer')
    await expect(answer).toBeFocused()
    // `.all()` would pin positions of a filtered list that shrinks with every uncheck: take the first each time.
    const checked = this.picker.getByRole('checkbox', { checked: true })
    while ((await checked.count()) > 0) await checked.first().uncheck()
    await this.picker.getByRole('listitem').filter({ hasText: passage }).first().getByRole('checkbox').check()
    await answer.fill(text)
  }

  async label(name: string) {
    await this.panel.getByText(name, { exact: true }).click()
  }

  async save() {
    await this.panel.getByRole('button', { name: 'Save review' }).click()
    await expect(this.panel.getByText('Review saved.')).toBeVisible()
  }

  async promote() {
    await this.panel.getByRole('button', { name: 'Promote to curated answer' }).click()
    await expect(this.panel.getByText(/^Promoted:/)).toBeVisible()
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true })
  }
}
