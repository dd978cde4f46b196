import { expect, test } from '@playwright/test'
import { OIDC_E2E_USER } from './support/oidc-user'

const OIDC_BASE = `http://127.0.0.1:${process.env.OIDC_WEB_PORT ?? 3101}`

test('OIDC: code flow with PKCE signs in, role and groups come from the groups claim', async ({ page }) => {
  await page.goto(`${OIDC_BASE}/review`)
  await expect(page).toHaveURL(`${OIDC_BASE}/sign-in`)
  await expect(page.getByRole('button', { name: /Sign in as/ })).toHaveCount(0)
  await page.getByRole('link', { name: 'Sign in with your company account' }).click()
  await expect(page).toHaveURL(`${OIDC_BASE}/`)
  await expect(page.getByTestId('signed-in-user')).toContainText(OIDC_E2E_USER.email)
  await expect(page.getByTestId('signed-in-user')).toContainText('analyst')

  const me = (await (await page.request.get(`${OIDC_BASE}/api/me`)).json()) as {
    user: { role: string; groupIds: string[] }
  }
  expect(me.user.role).toBe('analyst')
  expect(me.user.groupIds).toHaveLength(2) // everyone + hr
  expect((await page.goto(`${OIDC_BASE}/review`))?.status()).toBe(200)
  expect((await page.goto(`${OIDC_BASE}/admin/documents`))?.status()).toBe(403)
  // Dev sign-in is off in OIDC mode.
  const dev = await page.request.post(`${OIDC_BASE}/api/auth/dev-sign-in`, {
    data: { email: 'admin@example.com' },
  })
  expect(dev.status()).toBe(403)
})
