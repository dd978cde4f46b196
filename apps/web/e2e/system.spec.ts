import { expect, test } from './fixtures'
import { truncatedPdf } from './pages/admin-fixture-files'
import { signedInApi } from './support/chat-api'

/** Health probes for machines and the admin System page for people, on the shared e2e server. */

const RUN = Date.now().toString(36)

test('liveness answers without touching anything; readiness reports each check', async ({ request }) => {
  const live = await request.get('/api/health/live')
  expect(live.status()).toBe(200)
  expect(await live.json()).toEqual({ status: 'ok' })

  // The worker beats every 10 s; right after start the first beat may still be on its way.
  await expect
    .poll(async () => (await (await request.get('/api/health/ready')).json()).status, { timeout: 20_000 })
    .toBe('ready')
  const ready = await request.get('/api/health/ready')
  expect(ready.status()).toBe(200)
  expect(await ready.json()).toEqual({
    status: 'ready',
    checks: { database: 'up', migrations: 'up', redis: 'up', worker: 'up' },
  })
})

test('the System API is for admins only', async ({ request, playwright, baseURL }) => {
  expect((await request.get('/api/admin/system')).status()).toBe(401)
  for (const user of ['employee', 'analyst'] as const) {
    const api = await signedInApi(playwright, baseURL ?? '', user)
    expect((await api.get('/api/admin/system')).status()).toBe(403)
    await api.dispose()
  }
  const admin = await signedInApi(playwright, baseURL ?? '', 'admin')
  const response = await admin.get('/api/admin/system')
  expect(response.status()).toBe(200)
  const status = await response.json()
  expect(status.queue.mode).toBe('redis')
  expect(status.database.migrations.current).toBe(true)
  expect(status.database.sizeBytes).toBeGreaterThan(1_000_000)
  expect(status.workers.some((w: { alive: boolean }) => w.alive)).toBe(true)
  const active = status.vectors.models.find((m: { model: string }) => m.model === status.vectors.activeModel)
  expect(active.embeddings).toBeGreaterThan(0)
  expect(active.index).toMatchObject({ valid: true })
  await admin.dispose()
})

test('admin: the System page shows the queue, a failed ingestion with its error, and retries it', async ({
  page,
  signInViaApi,
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000)
  const admin = await signedInApi(playwright, baseURL ?? '', 'admin')
  const broken = truncatedPdf(`system-broken-${RUN}.pdf`)
  const upload = await admin.post('/api/documents', {
    multipart: { file: broken, title: `System Broken ${RUN}` },
  })
  expect(upload.status()).toBe(201)
  // The worker fails it (after its own retries for a parse error: none, it is not transient).
  await expect
    .poll(
      async () => {
        const status = await (await admin.get('/api/admin/system')).json()
        return status.failedVersions.some((v: { title: string }) => v.title === `System Broken ${RUN}`)
      },
      { timeout: 60_000 },
    )
    .toBe(true)
  await admin.dispose()

  await signInViaApi('admin')
  await page.goto('/admin')
  await page.getByRole('link', { name: 'System', exact: true }).click()
  // The System page counts queue jobs and sizes the database on the server: under a loaded CI box (the
  // worker still retrying the broken PDF) that render once took longer than the default 10 s.
  await expect(page).toHaveURL(/\/admin\/system$/, { timeout: 30_000 })
  await expect(page.getByRole('heading', { name: 'System', level: 1 })).toBeVisible()
  await expect(page.getByLabel('Jobs by state')).toContainText('Connected workers')
  await expect(page.getByRole('table', { name: 'Worker heartbeats' })).toContainText('alive')
  await expect(page.getByRole('table', { name: /Vector indexes/ })).toContainText('valid')
  const row = page.getByRole('row').filter({ hasText: `System Broken ${RUN}` })
  await expect(row).toContainText('The PDF could not be read (corrupt or truncated)')
  const clicked = Date.now()
  await row.getByRole('button', { name: 'Retry version 1' }).click()
  // Retried (audited), processed again and failed again with the same reason: the bytes are still broken.
  await expect
    .poll(
      async () => {
        const audit = await (await page.request.get('/api/admin/audit?action=document.retry')).json()
        return audit.entries.some(
          (e: { details: { title?: string } }) => e.details.title === `System Broken ${RUN}`,
        )
      },
      { timeout: 15_000 },
    )
    .toBe(true)
  await expect
    .poll(
      async () => {
        const status = await (await page.request.get('/api/admin/system')).json()
        const again = status.failedVersions.find((v: { title: string }) => v.title === `System Broken ${RUN}`)
        return again ? new Date(again.failedAt).getTime() > clicked - 1_000 : false
      },
      { timeout: 60_000 },
    )
    .toBe(true)
})
