import { apiAs, expect, test } from './fixtures'
import { tabTo } from './support/keyboard'
import { screenshot } from './support/themes'

const PDF_QUESTION = 'Who has to approve an expense claim of EUR 4,000?'
const MARKDOWN_QUESTION = 'How much learning budget do I get each year?'

test('keyboard only: ask, open a citation, read it in its PDF, come back, close, rate', async ({
  page,
  chat,
  signInViaApi,
}) => {
  await signInViaApi('employee')
  // The first Tab stop is the skip link: past the header and however long the conversation list is.
  // Once in CI (2 cores, loaded) the first Tab landed nowhere; never reproduced in 8 local runs. The page is
  // loaded afresh until the first Tab reaches the link, so a slow start cannot fail the rest of the walk.
  const skipLink = page.getByRole('link', { name: 'Skip to the question box' })
  await expect(async () => {
    await chat.goto()
    await page.waitForLoadState('networkidle')
    await page.keyboard.press('Tab')
    await expect(skipLink).toBeFocused({ timeout: 2_000 })
  }).toPass({ timeout: 15_000 })
  await page.keyboard.press('Enter')
  await expect(chat.input).toBeFocused()
  await page.keyboard.type(PDF_QUESTION)
  await page.keyboard.press('Enter')
  const answer = chat.lastAnswer()
  const helpful = answer.getByRole('button', { name: 'Helpful answer', exact: true })
  await expect(helpful).toBeVisible()

  // The answer sits above the composer: Shift+Tab walks back to its first citation.
  const marker = answer.getByTestId('citation-marker').first()
  await tabTo(page, marker, 'backward')
  await page.keyboard.press('Enter')
  // Focus moves into the panel…
  await expect(page.getByRole('heading', { name: 'Sources', level: 2 })).toBeFocused()
  const show = chat.citationPanel.getByTestId('show-in-document').first()
  await tabTo(page, show)
  await page.keyboard.press('Enter')
  const documentPanel = page.getByTestId('document-panel')
  await expect(documentPanel.getByRole('heading', { level: 3 })).toBeFocused()
  await expect(documentPanel.getByTestId('pdf-highlight').first()).toBeVisible()
  // …back to the list returns it to the button that opened the document…
  await tabTo(page, documentPanel.getByRole('button', { name: 'Back to sources' }), 'backward')
  await page.keyboard.press('Enter')
  await expect(show).toBeFocused()
  // …and Escape closes the panel and returns focus to the citation in the answer.
  await page.keyboard.press('Escape')
  await expect(chat.citationPanel).toHaveCount(0)
  await expect(marker).toBeFocused()

  await tabTo(page, helpful)
  await page.keyboard.press('Enter')
  const reason = answer.getByLabel('Anything to add? (optional)')
  await tabTo(page, reason)
  await page.keyboard.press('ArrowDown')
  await expect(reason).not.toHaveValue('')
  await tabTo(page, answer.getByRole('button', { name: 'Send feedback' }))
  await page.keyboard.press('Enter')
  await expect(answer.getByText('Thanks for your feedback')).toBeVisible()
  await expect(helpful).toHaveAttribute('aria-pressed', 'true')
})

test('a PDF citation opens the cited page with the quote highlighted; pdf.js comes from this server', async ({
  page,
  chat,
  signInViaApi,
  baseURL,
}) => {
  const elsewhere: string[] = []
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(baseURL ?? '') && !/^(data|blob):/.test(url)) elsewhere.push(url)
  })
  await signInViaApi('employee')
  await chat.goto()
  const response = await chat.ask(PDF_QUESTION)
  const final = JSON.parse(/^event: final\ndata: (.*)$/m.exec(await response.text())?.[1] ?? '{}') as {
    citations: { n: number; page: number | null }[]
  }
  const cited = final.citations[0]
  expect(cited?.page).toBeGreaterThan(0)

  const worker = page.waitForEvent('worker')
  await chat.openCitation()
  // The PDF's passage holds the approvals table: it renders as a table, not pipes.
  await expect(chat.citationPanel.getByRole('columnheader', { name: 'Total amount of claim' })).toBeVisible()
  await expect(chat.citationPanel).not.toContainText('| Approver')
  await screenshot(page, 'citation-table')
  await chat.citationPanel.getByTestId('show-in-document').first().click()
  const view = page.getByTestId('pdf-view')
  await expect(view).toHaveAttribute('data-page', String(cited?.page))
  expect((await worker).url()).toContain(`${baseURL}/_next/static/`)
  const highlight = view.getByTestId('pdf-highlight').first()
  await expect(highlight).toBeInViewport()
  // The canvas really holds a drawn page, not a blank box.
  const drawn = await view.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? []
    let dark = 0
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) dark++
    return dark
  })
  expect(drawn).toBeGreaterThan(500)
  await expect(view.getByText(/Cited passage/)).toBeVisible()
  await screenshot(page, 'document-pdf')
  // "Open the original" still serves the file under the same check.
  const original = await page
    .getByTestId('document-panel')
    .getByRole('link', { name: /Open the original/ })
    .getAttribute('href')
  expect((await page.request.get(original ?? '')).headers()['content-type']).toBe('application/pdf')
  expect(elsewhere).toEqual([])
})

test('a Markdown citation opens the document text scrolled to the highlighted passage', async ({
  page,
  chat,
  signInViaApi,
}) => {
  await signInViaApi('employee')
  await chat.goto()
  await chat.ask(MARKDOWN_QUESTION)
  await chat.openCitation()
  await chat.citationPanel.getByTestId('show-in-document').first().click()
  const view = page.getByTestId('document-text-view')
  const cited = view.locator('[data-cited]')
  await expect(cited).toHaveCount(1)
  await expect(cited).toBeInViewport()
  await expect(cited.getByTestId('citation-quote').first()).toBeVisible()
  // The whole document is there, headings included, not only the cited passage.
  await expect(view.getByRole('heading').first()).toBeVisible()
  expect(await view.locator('section').count()).toBeGreaterThan(2)
  await screenshot(page, 'document-text')
})

test('the document text follows the access rule of the original file', async ({ playwright, baseURL }) => {
  const admin = await apiAs(playwright, baseURL, 'admin')
  const found = (await (await admin.get('/api/admin/documents?q=Compensation')).json()) as {
    documents: { id: string; title: string }[]
  }
  const bands = found.documents.find((d) => d.title.startsWith('Compensation Bands'))
  expect(bands).toBeDefined()
  for (const [user, status] of [
    ['employee', 404],
    ['analyst', 404],
    ['admin', 404],
    ['hr', 200],
  ] as const) {
    const api = await apiAs(playwright, baseURL, user)
    const text = await api.get(`/api/documents/${bands?.id}/text`)
    expect(text.status(), user).toBe(status)
    const original = await api.get(`/api/documents/${bands?.id}/original`)
    expect(original.status(), `${user} original`).toBe(status)
    if (status === 200) {
      const body = (await text.json()) as { document: { passages: { text: string }[] } }
      expect(body.document.passages.map((p) => p.text).join('\n')).toContain('L3')
    }
    await api.dispose()
  }
  await admin.dispose()
})
