import { expect, test } from './fixtures'

const RESTRICTED_QUESTION = 'What is the salary band for an L3 Senior engineer in Lisbon?'
// From samples/policies/compensation-bands.md (restricted to the hr group).
const RESTRICTED_FIGURE = '46,000'

test('signed-out visitors are sent to sign-in; APIs answer 401', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/sign-in$/)
  await page.goto('/admin/documents')
  await expect(page).toHaveURL(/\/sign-in$/)
  expect((await page.request.get('/api/conversations')).status()).toBe(401)
  expect((await page.request.post('/api/chat', { data: { message: 'hi' } })).status()).toBe(401)
})

test('an employee gets 403 on the admin and review areas and their APIs', async ({
  page,
  chat,
  signInViaApi,
}) => {
  await signInViaApi('employee')
  for (const path of ['/admin/documents', '/admin', '/review']) {
    const response = await page.goto(path)
    expect(response?.status(), path).toBe(403)
    await expect(page.getByRole('heading', { name: /don’t have access/ })).toBeVisible()
  }
  await chat.screenshot('forbidden')
  for (const path of ['/api/admin/documents', '/api/review/feedback']) {
    expect((await page.request.get(path)).status(), path).toBe(403)
  }
})

test('roles: admin sees documents, analyst sees review but not admin', async ({ page, signInViaApi }) => {
  await signInViaApi('admin')
  const admin = await page.goto('/admin/documents')
  expect(admin?.status()).toBe(200)
  await expect(page.getByTestId('document-row').first()).toBeVisible()
  expect((await page.goto('/review'))?.status()).toBe(200)

  await page.request.post('/api/auth/sign-out')
  await signInViaApi('analyst')
  expect((await page.goto('/review'))?.status()).toBe(200)
  await expect(page.getByRole('heading', { name: 'Review' })).toBeVisible()
  expect((await page.goto('/admin/documents'))?.status()).toBe(403)
  expect((await page.request.get('/api/admin/documents')).status()).toBe(403)
})

test('an hr-only document is never shown to an employee, but answers hr', async ({
  page,
  chat,
  signInViaApi,
  playwright,
  baseURL,
}) => {
  await signInViaApi('employee')
  await chat.goto()
  const denied = await chat.ask(RESTRICTED_QUESTION)
  await expect(chat.lastAnswer().getByTestId('abstention')).toBeVisible()
  expect(await denied.text()).not.toContain(RESTRICTED_FIGURE)
  await expect(page.locator('body')).not.toContainText(RESTRICTED_FIGURE)

  const hr = await playwright.request.newContext({ baseURL })
  await hr.post('/api/auth/dev-sign-in', { data: { email: 'hr@example.com' } })
  const allowed = await hr.post('/api/chat', { data: { message: RESTRICTED_QUESTION } })
  const body = await allowed.text()
  expect(body).toContain(RESTRICTED_FIGURE)
  const final = JSON.parse(body.split('event: final\ndata: ')[1]?.split('\n')[0] ?? 'null') as {
    citations: { documentId: string; title: string }[]
  }
  const bands = final.citations.find((c) => c.title.startsWith('Compensation Bands'))
  expect(bands).toBeDefined()
  // The original file: readable by hr, a plain 404 for the employee.
  expect((await hr.get(`/api/documents/${bands?.documentId}/original`)).status()).toBe(200)
  expect((await page.request.get(`/api/documents/${bands?.documentId}/original`)).status()).toBe(404)
  await hr.dispose()

  // And in the browser, as hr.
  await page.request.post('/api/auth/sign-out')
  await signInViaApi('hr')
  await chat.goto()
  await chat.ask(RESTRICTED_QUESTION)
  await expect(chat.lastAnswer().getByTestId('answer-text')).toContainText(RESTRICTED_FIGURE)
  await chat.screenshot('hr-answer')
})
