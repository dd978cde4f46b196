import { expect, type Page, test } from '@playwright/test'
import type { FakeOidcUser } from './support/fake-oidc-provider'
import { OIDC_E2E_USER, OIDC_PROVIDER_PORT } from './support/oidc-user'

const OIDC_BASE = `http://127.0.0.1:${process.env.OIDC_WEB_PORT ?? 3101}`
const PROVIDER = `http://127.0.0.1:${OIDC_PROVIDER_PORT}`

/** Who the fake identity provider signs in next (a profile edit there, or another person). */
async function providerUser(page: Page, user: FakeOidcUser): Promise<void> {
  expect((await page.request.put(`${PROVIDER}/e2e/user`, { data: user })).status()).toBe(200)
}

/** Signs out, then goes through the provider's sign-in as its current user. */
async function signInWithProvider(page: Page): Promise<void> {
  await page.context().clearCookies()
  await page.goto(`${OIDC_BASE}/sign-in`)
  await page.getByRole('link', { name: 'Sign in with your company account' }).click()
  // Back from the provider: home, or the sign-in page with the reason it was refused.
  await page.waitForURL((url) => url.pathname === '/' || url.searchParams.has('error'))
}

async function me(page: Page) {
  const response = await page.request.get(`${OIDC_BASE}/api/me`)
  if (response.status() !== 200) return null
  return (
    (await response.json()) as { user: { id: string; email: string; role: string; groupIds: string[] } }
  ).user
}

test('OIDC: code flow with PKCE signs in, role and groups come from the groups claim', async ({ page }) => {
  await providerUser(page, OIDC_E2E_USER)
  await page.goto(`${OIDC_BASE}/review`)
  await expect(page).toHaveURL(`${OIDC_BASE}/sign-in`)
  await expect(page.getByRole('button', { name: /Sign in as/ })).toHaveCount(0)
  await page.getByRole('link', { name: 'Sign in with your company account' }).click()
  await expect(page).toHaveURL(`${OIDC_BASE}/`)
  await expect(page.getByTestId('signed-in-user')).toContainText(OIDC_E2E_USER.email)
  await expect(page.getByTestId('signed-in-user')).toContainText('analyst')

  const user = await me(page)
  expect(user?.role).toBe('analyst')
  expect(user?.groupIds).toHaveLength(2) // everyone + hr
  expect((await page.goto(`${OIDC_BASE}/review`))?.status()).toBe(200)
  expect((await page.goto(`${OIDC_BASE}/admin/documents`))?.status()).toBe(403)
  // Dev sign-in is off in OIDC mode.
  const dev = await page.request.post(`${OIDC_BASE}/api/auth/dev-sign-in`, {
    data: { email: 'admin@example.com' },
  })
  expect(dev.status()).toBe(403)
})

test('OIDC: an e-mail change at the provider keeps the account (issuer + subject is the identity)', async ({
  page,
}) => {
  await providerUser(page, OIDC_E2E_USER)
  await signInWithProvider(page)
  const before = await me(page)
  expect(before?.email).toBe(OIDC_E2E_USER.email)

  await providerUser(page, { ...OIDC_E2E_USER, email: 'olivia.married@example.com' })
  await signInWithProvider(page)
  await expect(page.getByTestId('signed-in-user')).toContainText('olivia.married@example.com')
  expect(await me(page)).toMatchObject({
    id: before?.id,
    email: 'olivia.married@example.com',
    role: 'analyst',
  })

  // And back: still the same account.
  await providerUser(page, OIDC_E2E_USER)
  await signInWithProvider(page)
  expect(await me(page)).toMatchObject({ id: before?.id, email: OIDC_E2E_USER.email })
})

test('OIDC: an unverified e-mail is refused with a clear message', async ({ page }) => {
  await providerUser(page, {
    sub: 'e2e-unverified',
    email: 'uma.unverified@example.com',
    name: 'Uma Unverified',
    groups: [],
    email_verified: false,
  })
  await signInWithProvider(page)
  await expect(page).toHaveURL(/\/sign-in\?error=/)
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: 'Your identity provider has not verified your e-mail address' }),
  ).toContainText('(email_verified)')
  expect(await me(page)).toBeNull()
})

test('OIDC: a new subject with the e-mail of an existing OIDC account cannot take it over', async ({
  page,
}) => {
  await providerUser(page, OIDC_E2E_USER)
  await signInWithProvider(page)
  const owner = await me(page)

  await providerUser(page, { ...OIDC_E2E_USER, sub: 'e2e-intruder', groups: ['policydesk-admins'] })
  await signInWithProvider(page)
  await expect(page).toHaveURL(/\/sign-in\?error=/)
  await expect(
    page.getByRole('alert').filter({ hasText: `The e-mail address ${OIDC_E2E_USER.email} belongs to` }),
  ).toContainText('another Policy Desk account')
  expect(await me(page)).toBeNull()

  // The owner's account is untouched: same id, still analyst, not admin.
  await providerUser(page, OIDC_E2E_USER)
  await signInWithProvider(page)
  expect(await me(page)).toMatchObject({ id: owner?.id, role: 'analyst' })
})

test('OIDC: a seeded account is linked on its first OIDC sign-in with a verified e-mail', async ({
  page,
  baseURL,
}) => {
  // The seeded employee's id, from the dev-mode server on the same database.
  const dev = await page.request.post(`${baseURL}/api/auth/dev-sign-in`, {
    data: { email: 'employee@example.com' },
    headers: { origin: baseURL ?? '' },
  })
  expect(dev.status()).toBe(200)
  const { userId } = (await dev.json()) as { userId: string }

  await providerUser(page, {
    sub: 'e2e-emma',
    email: 'employee@example.com',
    name: 'Emma Employee',
    groups: [],
  })
  await signInWithProvider(page)
  expect(await me(page)).toMatchObject({ id: userId, email: 'employee@example.com', role: 'employee' })
  await providerUser(page, OIDC_E2E_USER)
})
