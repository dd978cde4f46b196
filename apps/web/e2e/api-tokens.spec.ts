import { expect, test } from './fixtures'

/** The settings page: a token is created with chosen scopes, its secret shown once, then revoked. */
test('create a token, see its secret once, use it, revoke it', async ({
  page,
  signInViaApi,
  playwright,
  baseURL,
}) => {
  await signInViaApi('analyst')
  await page.goto('/settings/tokens')
  await page.getByLabel('Name').fill('ui test script')
  await page.getByRole('checkbox', { name: /review:read/ }).check()
  await page.getByRole('button', { name: 'Create token' }).click()
  const secret = (await page.getByTestId('new-token-secret').textContent()) ?? ''
  expect(secret).toMatch(/^pd_[A-Za-z0-9_-]{43}$/)
  const row = page.getByRole('row', { name: /ui test script/ })
  await expect(row).toContainText('search, review:read')

  const client = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${secret}` },
  })
  expect((await client.get('/api/review/answers')).status()).toBe(200)

  await page.reload()
  await expect(page.getByTestId('new-token-secret')).toHaveCount(0)
  await expect(page.getByText(secret)).toHaveCount(0)
  await expect(row).toContainText(secret.slice(0, 9))
  await row.getByRole('button', { name: /Revoke/ }).click()
  await expect(row).toContainText('revoked')
  expect((await client.get('/api/review/answers')).status()).toBe(401)
  await client.dispose()
})
