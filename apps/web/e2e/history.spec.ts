import { expect, test } from './fixtures'
import { askApi, signedInApi } from './support/chat-api'

/**
 * A user deletes their own history for good (the analyst here: any signed-in role may chat, and no other
 * spec relies on the analyst's conversations). Other users' history stays; the deletion is audited.
 */
test('deleting my history removes my conversations and answers for good, and only mine', async ({
  page,
  signInViaApi,
  playwright,
  baseURL,
}) => {
  const base = baseURL ?? ''
  const tag = `history${Date.now().toString(36)}`
  const question = `Who approves an expense claim of EUR 4,000? (${tag})`
  const analyst = await signedInApi(playwright, base, 'analyst')
  const employee = await signedInApi(playwright, base, 'employee')
  expect((await askApi(analyst, question)).final).not.toBeNull()
  expect((await askApi(employee, question)).final).not.toBeNull()
  const logged = async () => {
    const response = await analyst.get(`/api/review/answers?q=${tag}`)
    expect(response.status()).toBe(200)
    return ((await response.json()).answers as { question: string }[]).filter((a) => a.question === question)
      .length
  }
  expect(await logged()).toBe(2)

  await signInViaApi('analyst')
  await page.goto('/')
  await page.getByRole('button', { name: 'Delete all my history…' }).click()
  await page.getByRole('button', { name: 'Delete for good' }).click()
  await expect(page.getByText('Your conversations appear here.')).toBeVisible()

  expect(((await (await analyst.get('/api/conversations')).json()).conversations as unknown[]).length).toBe(0)
  expect(
    ((await (await employee.get('/api/conversations')).json()).conversations as unknown[]).length,
  ).toBeGreaterThan(0)
  // The analyst's own answer left the review log; the employee's is still there.
  expect(await logged()).toBe(1)
  const admin = await signedInApi(playwright, base, 'admin')
  const audit = await (await admin.get('/api/admin/audit?action=history.delete')).json()
  expect(audit.entries[0].details.traces).toBeGreaterThanOrEqual(1)
  for (const api of [analyst, employee, admin]) await api.dispose()
})
