import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test'
import { apiAs, expect, test } from './fixtures'
import { ChatPage } from './pages/chat-page'
import { DEMO_USERS, type DemoUser } from './pages/sign-in-page'
import { appRoutes } from './support/app-routes'
import { type AskedAnswer, askViaApi } from './support/ask-via-api'
import { type AxeSummary, scanPage, writeAxeSummary } from './support/axe'
import { chooseTheme, screenshot, THEMES, type ThemeName } from './support/themes'

/**
 * axe (WCAG 2.1 A/AA) on every page of the app, in the light and the dark theme: no serious or critical
 * violation. Pages are found on disk like in route-access.spec.ts, so a new page must be listed here.
 * The chat is scanned in its richer states too: an answer, its sources panel, the cited PDF page and a
 * cited Markdown document.
 */

type Ids = { documentId: string; pdf: AskedAnswer; markdown: AskedAnswer; handoffId: string }
type Visit = {
  name: string
  as: DemoUser | 'anonymous'
  url: (ids: Ids) => string
  status?: number
  /** Brings the page into the state to scan (after it loaded). */
  prepare?: (page: Page) => Promise<void>
}

const openFirstCitation = (page: Page) => new ChatPage(page).openCitation()
const showInDocument = async (page: Page) => {
  await openFirstCitation(page)
  await page.getByTestId('show-in-document').first().click()
}

/** Keyed by page file under src/app; each visit is scanned in both themes. */
const PAGES: Record<string, Visit[]> = {
  '(chat)/page.tsx': [
    { name: 'chat-empty', as: 'employee', url: () => '/' },
    { name: 'chat-answer', as: 'employee', url: (ids) => `/?c=${ids.pdf.conversationId}` },
    {
      name: 'chat-sources',
      as: 'employee',
      url: (ids) => `/?c=${ids.markdown.conversationId}`,
      prepare: openFirstCitation,
    },
    {
      name: 'chat-document-pdf',
      as: 'employee',
      url: (ids) => `/?c=${ids.pdf.conversationId}`,
      prepare: async (page) => {
        await showInDocument(page)
        await expect(page.getByTestId('pdf-highlight').first()).toBeVisible()
      },
    },
    {
      name: 'chat-document-text',
      as: 'employee',
      url: (ids) => `/?c=${ids.markdown.conversationId}`,
      prepare: async (page) => {
        await showInDocument(page)
        await expect(
          page.getByTestId('document-text-view').getByTestId('citation-quote').first(),
        ).toBeVisible()
      },
    },
  ],
  'sign-in/page.tsx': [{ name: 'sign-in', as: 'anonymous', url: () => '/sign-in' }],
  'settings/tokens/page.tsx': [{ name: 'settings-tokens', as: 'employee', url: () => '/settings/tokens' }],
  'admin/page.tsx': [
    {
      name: 'admin',
      as: 'admin',
      url: () => '/admin',
      // /admin forwards to the documents list once the page has streamed in.
      prepare: (page) => page.waitForURL(/\/admin\/documents$/),
    },
  ],
  'admin/audit/page.tsx': [{ name: 'admin-audit', as: 'admin', url: () => '/admin/audit' }],
  'admin/documents/page.tsx': [{ name: 'admin-documents', as: 'admin', url: () => '/admin/documents' }],
  'admin/documents/[id]/page.tsx': [
    { name: 'admin-document', as: 'admin', url: (ids) => `/admin/documents/${ids.documentId}` },
  ],
  'admin/documents/upload/page.tsx': [
    { name: 'admin-upload', as: 'admin', url: () => '/admin/documents/upload' },
  ],
  'admin/playground/page.tsx': [{ name: 'admin-playground', as: 'admin', url: () => '/admin/playground' }],
  'admin/users/page.tsx': [{ name: 'admin-users', as: 'admin', url: () => '/admin/users' }],
  'admin/system/page.tsx': [{ name: 'admin-system', as: 'admin', url: () => '/admin/system' }],
  'handoffs/page.tsx': [{ name: 'handoffs', as: 'hr', url: () => '/handoffs' }],
  'handoffs/[id]/page.tsx': [{ name: 'handoff', as: 'hr', url: (ids) => `/handoffs/${ids.handoffId}` }],
  'review/(log)/page.tsx': [{ name: 'review-log', as: 'analyst', url: () => '/review' }],
  'review/answers/[id]/page.tsx': [
    { name: 'review-answer', as: 'analyst', url: (ids) => `/review/answers/${ids.pdf.traceId}` },
  ],
  'review/curated/page.tsx': [{ name: 'review-curated', as: 'analyst', url: () => '/review/curated' }],
  'review/dashboard/page.tsx': [
    {
      name: 'review-dashboard',
      as: 'analyst',
      url: () => '/review/dashboard',
      prepare: async (page) => {
        await expect(page.locator('.recharts-surface').first()).toBeVisible()
      },
    },
  ],
  'review/datasets/page.tsx': [{ name: 'review-datasets', as: 'analyst', url: () => '/review/datasets' }],
  'review/queue/page.tsx': [{ name: 'review-queue', as: 'analyst', url: () => '/review/queue' }],
}

/** Pages no file lists: the 404 and the 403 pages. */
const SPECIAL: Visit[] = [
  { name: 'not-found', as: 'employee', url: () => '/no-such-page', status: 404 },
  { name: 'forbidden', as: 'employee', url: () => '/admin/users', status: 403 },
]

/** A browser context per theme and role, signed in once (a context per visit doubled the run time). */
async function signedInContext(browser: Browser, baseURL: string, as: Visit['as'], theme: ThemeName) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 } })
  await chooseTheme(context, baseURL, theme)
  if (as !== 'anonymous') {
    const response = await context.request.post('/api/auth/dev-sign-in', {
      data: { email: DEMO_USERS[as].email },
      headers: { Origin: baseURL },
    })
    expect(response.status()).toBe(200)
  }
  return context
}

test('the table lists every page of the app', () => {
  const pages = appRoutes()
    .filter((r) => r.file.endsWith('page.tsx'))
    .map((r) => r.file)
  expect(
    pages.filter((file) => !(file in PAGES)),
    'add these pages to e2e/a11y.spec.ts',
  ).toEqual([])
  expect(Object.keys(PAGES).filter((file) => !pages.includes(file))).toEqual([])
})

/**
 * One test per theme (48 visits in one test outgrew a 4-minute budget on a loaded 2-core machine); the
 * answers, the handoff and the cleanup are shared, and the cleanup runs even when a scan fails, so the
 * employee's conversation list is left as other specs expect it.
 */
test.describe('every page, no serious or critical axe violation', () => {
  let ids: Ids
  let employee: APIRequestContext
  let base = ''
  const summaries: AxeSummary[] = []

  test.beforeAll(async ({ playwright, baseURL }) => {
    base = baseURL ?? ''
    employee = await apiAs(playwright, baseURL, 'employee')
    const admin = await apiAs(playwright, baseURL, 'admin')
    const pdf = await askViaApi(employee, base, 'Who has to approve an expense claim of EUR 4,000?')
    // The handoff inbox's detail page needs one handoff: the employee asks a person about this answer.
    const handedOff = await employee.post('/api/handoffs', {
      data: { traceId: pdf.traceId, note: 'Does this apply to travel too?' },
      headers: { Origin: base },
    })
    expect(handedOff.status()).toBe(201)
    ids = {
      handoffId: ((await handedOff.json()) as { handoff: { id: string } }).handoff.id,
      pdf,
      markdown: await askViaApi(employee, base, 'How much learning budget do I get each year?'),
      documentId:
        (
          (await (await admin.get('/api/admin/documents?q=Expenses')).json()) as {
            documents: { id: string }[]
          }
        ).documents[0]?.id ?? '',
    }
    await admin.dispose()
  })

  test.afterAll(async () => {
    writeAxeSummary(summaries)
    for (const asked of ids ? [ids.pdf, ids.markdown] : []) {
      const deleted = await employee.delete(`/api/conversations/${asked.conversationId}`, {
        headers: { Origin: base },
      })
      expect(deleted.status()).toBe(204)
    }
    await employee?.dispose()
  })

  for (const theme of THEMES) {
    test(`${theme} theme`, async ({ browser }) => {
      test.setTimeout(240_000)
      expect(ids.pdf.citations[0]?.page, 'the expenses answer cites a PDF page').toBeGreaterThan(0)
      expect(ids.markdown.citations[0]?.page, 'the learning-budget answer cites a Markdown file').toBeNull()
      const scanned: AxeSummary[] = []
      const contexts = new Map<string, BrowserContext>()
      try {
        for (const visit of [...Object.values(PAGES).flat(), ...SPECIAL]) {
          const context = contexts.get(visit.as) ?? (await signedInContext(browser, base, visit.as, theme))
          contexts.set(visit.as, context)
          const page = await context.newPage()
          const response = await page.goto(visit.url(ids))
          expect(response?.status(), `${visit.name} status`).toBe(visit.status ?? 200)
          await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
          await visit.prepare?.(page)
          scanned.push(await scanPage(page, visit.name, theme))
          await screenshot(page, `${visit.name}-${theme}`)
          await page.close()
        }
      } finally {
        for (const context of contexts.values()) await context.close()
        summaries.push(...scanned)
      }
      expect(scanned.flatMap((s) => s.blocking)).toEqual([])
    })
  }
})
