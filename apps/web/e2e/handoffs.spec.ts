import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { expect, test } from './fixtures'
import { ChatPage } from './pages/chat-page'
import { DEMO_USERS, type DemoUser } from './pages/sign-in-page'
import { WEBHOOK_PORT, WEBHOOK_SECRET } from './support/webhook-receiver'

/**
 * "Ask a person" end to end: an employee's unanswerable question goes to hr, hr replies from the
 * /handoffs inbox, the reply shows up in the employee's conversation (unread until opened), hr promotes
 * it, and someone else asking the same question gets it as a curated answer. A local receiver checks that
 * the webhook arrived signed as docs/api.md says.
 */

const BEES = 'Can I keep bees on the office roof?'
const REPLY = 'Yes, with Facilities’ approval: hives stay at least 5 m from the air intake.'

type Hit = { headers: IncomingHttpHeaders; body: string; verified: boolean }
const hits: Hit[] = []
let receiver: Server

function verified(headers: IncomingHttpHeaders, body: string): boolean {
  const timestamp = String(headers['x-policydesk-timestamp'] ?? '')
  const given = Buffer.from(String(headers['x-policydesk-signature'] ?? ''))
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(`${timestamp}.${body}`).digest('hex')}`,
  )
  return given.length === expected.length && timingSafeEqual(given, expected)
}

test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      hits.push({ headers: req.headers, body, verified: verified(req.headers, body) })
      res.end('ok')
    })
  })
  await new Promise<void>((resolve) => receiver.listen(WEBHOOK_PORT, '127.0.0.1', resolve))
})
test.afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve))
})

async function signedInPage(browser: import('@playwright/test').Browser, baseURL: string, user: DemoUser) {
  const context = await browser.newContext({ baseURL })
  const page = await context.newPage()
  const response = await page.request.post('/api/auth/dev-sign-in', {
    data: { email: DEMO_USERS[user].email },
  })
  expect(response.status()).toBe(200)
  return page
}

test('ask a person: hr replies and promotes; the reply reaches the employee and the next asker', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000)
  const base = baseURL ?? ''

  // 1. The employee asks something the documents do not answer, then asks a person.
  const employeePage = await signedInPage(browser, base, 'employee')
  const chat = new ChatPage(employeePage)
  await chat.goto()
  await chat.ask(BEES)
  const answer = chat.lastAnswer()
  await expect(answer.getByTestId('abstention')).toBeVisible()
  await answer.getByRole('button', { name: 'Ask a person' }).click()
  const dialog = employeePage.getByRole('dialog', { name: 'Ask a person' })
  await expect(dialog).toBeVisible()
  await dialog.getByRole('textbox', { name: 'Note for them (optional)' }).fill('We have a beekeeping club.')
  const created = employeePage.waitForResponse((r) => r.url().endsWith('/api/handoffs'))
  await dialog.getByRole('button', { name: 'Send to a person' }).click()
  expect((await created).status()).toBe(201)
  await expect(answer.getByTestId('handoff-sent')).toHaveText(/Sent to HR — you’ll see the reply here/)
  const conversationUrl = employeePage.url()

  // 2. The webhook arrived, signed.
  await expect.poll(() => hits.some((h) => h.body.includes(BEES)), { timeout: 15_000 }).toBe(true)
  const hit = hits.find((h) => h.body.includes(BEES))
  expect(hit?.verified).toBe(true)
  expect(hit?.headers['x-policydesk-event']).toBe('handoff.created')
  expect(hit?.headers['x-policydesk-delivery']).toMatch(/^[0-9a-f-]{36}$/)

  // 3. hr sees it in the inbox (the nav link is there for hr), replies, claims nothing extra.
  const hrPage = await signedInPage(browser, base, 'hr')
  await hrPage.goto('/')
  await hrPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Handoffs' }).click()
  await expect(hrPage).toHaveURL(/\/handoffs$/)
  await hrPage.getByRole('link', { name: BEES }).first().click()
  await expect(hrPage.getByRole('heading', { level: 1, name: BEES })).toBeVisible()
  await expect(hrPage.getByText('We have a beekeeping club.')).toBeVisible()
  await hrPage.getByRole('textbox', { name: 'Your reply' }).fill(REPLY)
  // It cites a passage found from the question (the box starts with it): the employee can open it.
  const picker = hrPage.getByTestId('cite-passages')
  await expect(picker.getByRole('searchbox', { name: 'Find a passage to cite' })).toHaveValue(BEES)
  await picker.getByRole('button', { name: 'Search' }).click()
  const firstPassage = picker.getByRole('checkbox').first()
  await firstPassage.check()
  await expect(picker.getByText('Citing 1 passage')).toBeVisible()
  await hrPage.getByRole('button', { name: 'Send reply' }).click()
  await expect(hrPage.getByTestId('handoff-reply')).toContainText(REPLY)
  await expect(hrPage.getByTestId('handoff-reply')).toContainText('Cites')

  // 4. The employee sees an unread dot in the list, then the named reply flagged as new.
  await chat.goto()
  const row = chat.conversations.getByRole('button', { name: new RegExp(BEES.slice(0, 20)) }).first()
  await expect(row.getByTestId('unread-dot')).toBeVisible()
  await employeePage.goto(conversationUrl)
  const reply = employeePage.getByTestId('person-reply')
  await expect(reply).toContainText(REPLY)
  await expect(reply).toContainText('Reply from Harper HR')
  const replySources = reply.getByRole('list', { name: 'Sources' }).getByRole('button')
  await expect(replySources).toHaveCount(1)
  // Retried: a click before hydration does nothing.
  await expect(async () => {
    await replySources.first().click()
    await expect(employeePage.getByTestId('citation-panel').first()).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
  await expect(reply.getByTestId('unread-reply')).toHaveText('New reply from Harper HR')
  // Opened = read: the marker is gone next time.
  await employeePage.reload()
  await expect(employeePage.getByTestId('person-reply')).toContainText(REPLY)
  await expect(employeePage.getByTestId('unread-reply')).toHaveCount(0)

  // 5. hr promotes the reply to a curated answer. By default it would reach only employees like the asker
  // (the Lisbon office); hr says it holds for everyone, so the Berlin analyst below gets it.
  const onlyLikeAsker = hrPage.getByRole('checkbox', {
    name: 'Only for employees like the asker (Portugal · Lisbon · full-time)',
  })
  await expect(onlyLikeAsker).toBeChecked()
  await onlyLikeAsker.uncheck()
  const promoted = hrPage.waitForResponse((r) => r.url().endsWith('/promote'))
  await hrPage.getByRole('button', { name: 'Promote to curated answer' }).click()
  expect((await promoted).status()).toBe(201)
  await expect(hrPage.getByText('Promoted: the next person asking this gets this answer.')).toBeVisible()

  // 6. Someone else asking the same question gets that answer, marked as reviewed.
  const analystPage = await signedInPage(browser, base, 'analyst')
  const analystChat = new ChatPage(analystPage)
  await analystChat.goto()
  const response = await analystChat.ask(BEES)
  expect(await response.text()).toMatch(/"curatedAnswerId":"[0-9a-f-]{36}"/)
  await expect(analystChat.lastAnswer()).toContainText('hives stay at least 5 m')
  await expect(analystChat.lastAnswer().getByTestId('curated-badge')).toBeVisible()

  // The reply was announced too.
  await expect
    .poll(() => hits.some((h) => h.headers['x-policydesk-event'] === 'handoff.replied' && h.verified), {
      timeout: 15_000,
    })
    .toBe(true)
})

test('the inbox is for permitted groups and admins only', async ({ browser, baseURL }) => {
  const employeePage = await signedInPage(browser, baseURL ?? '', 'employee')
  const response = await employeePage.goto('/handoffs')
  expect(response?.status()).toBe(403)
  await employeePage.goto('/')
  await expect(
    employeePage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Handoffs' }),
  ).toHaveCount(0)
})
