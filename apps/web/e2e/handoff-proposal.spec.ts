import { type FakeOpenAIServer, startFakeOpenAIServer } from '@policydesk/inference/testing'
import { expect, test } from './fixtures'
import { ChatPage } from './pages/chat-page'
import { DEMO_USERS, type DemoUser } from './pages/sign-in-page'
import { type Product, removeProduct, startProduct } from './support/product'

/**
 * The model path's `create_handoff` tool (issue 14): a model that decides a person should answer proposes
 * it, the chat opens "Ask a person" with the model's note, and nothing reaches the inbox until the employee
 * confirms — cancelling sends nothing. A private product whose LLM is a local server speaking the OpenAI
 * protocol, streaming a real `tool_calls` delta.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 40
const QUESTION = 'How many days a week can I work from home?'
const NOTE = 'The employee asks about a home-office exception; the remote work policy does not cover it.'

let product: Product
let llm: FakeOpenAIServer

test.describe.configure({ mode: 'serial', timeout: 120_000 })

test.beforeAll(async () => {
  test.setTimeout(180_000)
  llm = await startFakeOpenAIServer()
  product = await startProduct({
    port: PORT,
    env: { LLM_BASE_URL: llm.url, LLM_MODEL: 'fake-tools', LLM_MAX_RETRIES: '0' },
  })
})

test.afterAll(async () => {
  if (product && product.launcher.exitCode === null) await product.stop()
  if (product) removeProduct(product)
  await llm?.close()
})

async function signedInPage(browser: import('@playwright/test').Browser, user: DemoUser) {
  const context = await browser.newContext({ baseURL: product.baseURL })
  const page = await context.newPage()
  const response = await page.request.post('/api/auth/dev-sign-in', {
    data: { email: DEMO_USERS[user].email },
  })
  expect(response.status()).toBe(200)
  return page
}

/** The model proposes a handoff, then answers in words once the tool says the user must confirm. */
function modelProposesHandoff() {
  llm.enqueueChat(
    {
      kind: 'tool-calls',
      calls: [{ name: 'create_handoff', arguments: JSON.stringify({ note: NOTE }) }],
    },
    { kind: 'reply', text: 'I have suggested asking a person; please confirm if you want me to send it.' },
  )
}

const handoffCount = async (page: import('@playwright/test').Page) => {
  const response = await page.request.get('/api/handoffs?limit=100')
  expect(response.status()).toBe(200)
  return ((await response.json()) as { handoffs: unknown[] }).handoffs.length
}

test('the model proposes asking a person: cancelled sends nothing, confirmed reaches the inbox', async ({
  browser,
}) => {
  const employee = await signedInPage(browser, 'employee')
  const hr = await signedInPage(browser, 'hr')
  const chat = new ChatPage(employee)
  const before = await handoffCount(hr)
  // Not chat.ask: the dialog opens by itself when the answer ends, and a modal hides the rest of the page.
  const ask = async (question: string) => {
    const response = employee.waitForResponse((r) => r.url().endsWith('/api/chat'))
    await chat.input.fill(question)
    await chat.input.press('Enter')
    expect((await response).status()).toBe(200)
  }

  // 1. Proposed, then cancelled: the dialog opened by itself with the model's note; nothing was sent.
  modelProposesHandoff()
  await chat.goto()
  await ask(QUESTION)
  const dialog = employee.getByRole('dialog', { name: 'Ask a person' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('textbox', { name: 'Note for them (optional)' })).toHaveValue(NOTE)
  expect(
    llm
      .chatRequests()
      .at(-2)
      ?.tools.map((t) => t.function.name),
  ).toContain('create_handoff')
  await employee.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(await handoffCount(hr)).toBe(before)

  // 2. Proposed and confirmed: one handoff, with the model's note, in hr's inbox.
  modelProposesHandoff()
  await ask(`${QUESTION} And on Fridays?`)
  await expect(dialog).toBeVisible()
  const created = employee.waitForResponse((r) => r.url().endsWith('/api/handoffs'))
  await dialog.getByRole('button', { name: 'Send to a person' }).click()
  expect((await created).status()).toBe(201)
  await expect(chat.lastAnswer().getByTestId('handoff-sent')).toBeVisible()
  expect(await handoffCount(hr)).toBe(before + 1)
  await hr.goto('/handoffs')
  await hr
    .getByRole('link', { name: /And on Fridays/ })
    .first()
    .click()
  await expect(hr.getByText(NOTE)).toBeVisible()
})
