import { expect, test } from './fixtures'
import { DEMO_USERS } from './pages/sign-in-page'

test('employee: streamed answer, citation panel with the original, feedback stored', async ({
  page,
  chat,
  signIn,
  playwright,
  baseURL,
}) => {
  await signIn.goto()
  await chat.screenshot('sign-in')
  await signIn.signInAs('employee')
  await expect(page.getByRole('heading', { name: /Hi Emma/ })).toBeVisible()
  await chat.screenshot('empty-state')

  // An example question from the empty state; the answer arrives as SSE token events, then `final`.
  const responsePromise = page.waitForResponse((r) => r.url().endsWith('/api/chat'))
  await page.getByRole('button', { name: 'Who has to approve an expense claim of EUR 4,000?' }).click()
  const response = await responsePromise
  expect(response.headers()['content-type']).toContain('text/event-stream')
  const answer = chat.lastAnswer()
  await expect(answer.getByRole('button', { name: 'Copy answer' })).toBeVisible()
  const body = await response.text()
  expect(body.match(/^event: token$/gm)?.length ?? 0).toBeGreaterThan(5)
  expect(body).toMatch(/^event: start$/m)
  expect(body).toMatch(/^event: final$/m)
  await expect(answer.getByTestId('answer-text')).toContainText('department head')
  await chat.screenshot('answer')

  await answer.getByTestId('citation-marker').first().click()
  await expect(chat.citationPanel).toBeVisible()
  await expect(chat.citationPanel).toContainText('Expenses and Travel Policy')
  await expect(chat.citationPanel).toContainText('Version 1')
  await expect(chat.citationPanel.getByTestId('citation-quote').first()).toBeVisible()
  const original = chat.citationPanel.getByRole('link', { name: /Open the original document/ }).first()
  const href = await original.getAttribute('href')
  expect(href).toMatch(/^\/api\/documents\/[0-9a-f-]{36}\/original\?version=[0-9a-f-]{36}$/)
  const file = await page.request.get(href ?? '')
  expect(file.status()).toBe(200)
  expect(file.headers()['content-type']).toBe('application/pdf')
  await chat.screenshot('citation-panel')
  await page.getByRole('button', { name: 'Close sources' }).click()
  await expect(chat.citationPanel).toHaveCount(0)

  const comment = `e2e feedback ${Date.now()}`
  await answer.getByRole('button', { name: 'Not helpful answer' }).click()
  await answer.getByLabel('What was wrong? (optional)').selectOption('outdated')
  await answer.getByLabel('Feedback comment').fill(comment)
  await chat.screenshot('feedback-form')
  await answer.getByRole('button', { name: 'Send feedback' }).click()
  await expect(answer.getByText('Thanks for your feedback')).toBeVisible()
  await expect(answer.getByRole('button', { name: 'Not helpful answer' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )

  // Stored: an analyst sees it in the review API.
  const analyst = await playwright.request.newContext({ baseURL })
  await analyst.post('/api/auth/dev-sign-in', { data: { email: DEMO_USERS.analyst.email } })
  const review = await analyst.get('/api/review/feedback')
  expect(review.status()).toBe(200)
  const { feedback } = (await review.json()) as {
    feedback: { comment: string; rating: string; reason: string }[]
  }
  expect(feedback.find((f) => f.comment === comment)).toMatchObject({ rating: 'down', reason: 'outdated' })
  await analyst.dispose()
})

test('abstains on a question the policies do not cover, with a hint', async ({
  page,
  chat,
  signInViaApi,
}) => {
  await signInViaApi('employee')
  await chat.goto()
  await chat.ask('Can I bring my dog to the office?')
  const abstention = chat.lastAnswer().getByTestId('abstention')
  await expect(abstention).toBeVisible()
  await expect(abstention).toContainText('No answer in the policies you can access')
  await expect(abstention).toContainText(/Try rephrasing/)
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0)
  await chat.screenshot('abstention')
})

test('conversations: follow-up, rename, reopen, delete', async ({ page, chat, signInViaApi }) => {
  await signInViaApi('employee')
  await chat.goto()
  await chat.ask('How many days of annual leave do employees in the Berlin office get?')
  await expect(chat.lastAnswer().getByTestId('citation-marker').first()).toBeVisible()
  await chat.ask('And in Lisbon?')
  await expect(page.getByTestId('assistant-message')).toHaveCount(2)
  await expect(chat.lastAnswer().getByRole('alert')).toHaveCount(0)

  const list = page.getByTestId('conversation-list')
  const first = list.getByRole('button', { name: /^How many days of annual leave/ })
  await expect(first).toBeVisible()
  await list.getByRole('button', { name: /Rename “How many days/ }).click()
  await page.getByRole('textbox', { name: 'Conversation title' }).fill('Leave questions')
  await page.getByRole('textbox', { name: 'Conversation title' }).press('Enter')
  await expect(list.getByRole('button', { name: 'Leave questions', exact: true })).toBeVisible()
  await chat.screenshot('conversation-history')

  await page.getByRole('button', { name: 'New conversation' }).click()
  await expect(page.getByRole('heading', { name: /what would you like to know/ })).toBeVisible()
  await list.getByRole('button', { name: 'Leave questions', exact: true }).click()
  await expect(page.getByTestId('user-message')).toHaveCount(2)
  await expect(
    page.getByTestId('assistant-message').first().getByTestId('citation-marker').first(),
  ).toBeVisible()

  // The conversation survives a reload (it is stored, and addressable by URL).
  await page.reload()
  await expect(page.getByTestId('user-message')).toHaveCount(2)

  await list.getByRole('button', { name: 'Delete “Leave questions”' }).click()
  await page.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(list.getByRole('button', { name: 'Leave questions', exact: true })).toHaveCount(0)
  await expect(page.getByRole('heading', { name: /what would you like to know/ })).toBeVisible()
})

test('keyboard: Shift+Enter adds a line, Enter sends, focus stays in the composer', async ({
  page,
  chat,
  signInViaApi,
}) => {
  await signInViaApi('employee')
  await chat.goto()
  await chat.input.focus()
  await page.keyboard.type('How much learning budget')
  await page.keyboard.press('Shift+Enter')
  await page.keyboard.type('do I get each year?')
  await expect(chat.input).toHaveValue('How much learning budget\ndo I get each year?')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('user-message')).toHaveCount(1)
  await expect(chat.input).toHaveValue('')
  await expect(chat.input).toBeFocused()
  await expect(chat.lastAnswer().getByRole('button', { name: 'Helpful answer', exact: true })).toBeVisible()
})
