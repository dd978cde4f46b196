import { apiAs, expect, test } from './fixtures'
import { ChatPage } from './pages/chat-page'
import { ReviewAnswerPage } from './pages/review-answer-page'
import { ReviewDashboardPage } from './pages/review-dashboard-page'
import { ReviewLogPage } from './pages/review-log-page'
import { DEMO_USERS } from './pages/sign-in-page'
import { lastJson, runPolicydesk } from './support/run-in-repo'

type SeedSummary = {
  traces: number
  byAsker: Record<string, { traces: number; abstained: number; up: number; down: number } | undefined>
}
type Totals = { questions: number; answered: number; abstained: number; up: number; down: number }

const LAPTOP = 'How often do we get a new laptop?'
const CORRECTED = 'Laptops are refreshed every 36 months, and IT contacts you when yours is due [1].'
const HR_QUESTION = 'What is the salary band for an L3 Senior engineer in Lisbon?'

/**
 * Seeds demo conversations through the REAL answer pipeline (`policydesk db seed --conversations` runs
 * `answer()` as the demo users against this run's embedded database), then rates them.
 */
async function seedConversations(): Promise<SeedSummary> {
  const seeded = lastJson<{ conversations: SeedSummary }>(
    await runPolicydesk(['db', 'seed', '--conversations', '--json']),
  )
  return seeded.conversations
}

test('an employee gets 403 on every review page and API', async ({ page, signInViaApi }) => {
  await signInViaApi('employee')
  for (const url of [
    '/review',
    '/review/queue',
    '/review/curated',
    '/review/dashboard',
    '/review/datasets',
    '/review/answers/00000000-0000-4000-8000-000000000000',
  ]) {
    const response = await page.goto(url)
    expect(response?.status(), url).toBe(403)
  }
  await expect(page.getByRole('heading', { name: /don’t have access/ })).toBeVisible()
  await page.screenshot({ path: 'test-results/screenshots/review-forbidden.png' })
  const id = '00000000-0000-4000-8000-000000000000'
  const gets = [
    '/api/review/answers',
    `/api/review/answers/${id}`,
    '/api/review/queue',
    '/api/review/curated',
    '/api/review/dashboard',
    '/api/review/export?format=csv',
    '/api/review/feedback',
    '/api/review/datasets',
    `/api/review/datasets/${id}/download?part=train`,
  ]
  for (const url of gets) expect((await page.request.get(url)).status(), url).toBe(403)
  const review = await page.request.put(`/api/review/answers/${id}/review`, {
    data: { verdict: 'approved', labels: [] },
  })
  expect(review.status()).toBe(403)
  expect((await page.request.post(`/api/review/answers/${id}/promote`)).status()).toBe(403)
  expect((await page.request.post('/api/review/datasets', { data: {} })).status()).toBe(403)
  expect(
    (await page.request.post(`/api/review/curated/${id}`, { data: { action: 'retire' } })).status(),
  ).toBe(403)
})

test.describe
  .serial('analyst review', () => {
    let seeded: SeedSummary
    let before: Totals

    test.beforeAll(async ({ playwright, baseURL }) => {
      test.setTimeout(180_000)
      const analyst = await apiAs(playwright, baseURL, 'analyst')
      // Other specs share this database: the dashboard must grow by exactly what is seeded here.
      before = ((await (await analyst.get('/api/review/dashboard?range=7d')).json()) as { totals: Totals })
        .totals
      await analyst.dispose()
      seeded = await seedConversations()
    })

    test('dashboards render with numbers that match the seeded data', async ({ page, signInViaApi }) => {
      await signInViaApi('analyst')
      const dashboard = new ReviewDashboardPage(page)
      await dashboard.goto('7d')
      // The employee reads only `everyone` documents, as the analyst does: all of the employee's seeded
      // answers count for the analyst; the hr user's hr-only answer does not.
      const employee = seeded.byAsker[DEMO_USERS.employee.email] ?? {
        traces: 0,
        abstained: 0,
        up: 0,
        down: 0,
      }
      expect(await dashboard.number('stat-questions-value')).toBe(before.questions + employee.traces)
      expect(await dashboard.number('stat-up')).toBe(before.up + employee.up)
      expect(await dashboard.number('stat-down')).toBe(before.down + employee.down)
      await expect(page.getByTestId('stat-abstention-rate')).toContainText(
        `${before.abstained + employee.abstained} abstentions`,
      )
      expect(seeded.byAsker[DEMO_USERS.hr.email]?.traces ?? 0).toBeGreaterThan(0)
      await expect(page.getByTestId('dashboard-charts').locator('.recharts-surface').first()).toBeVisible()
      // Coverage gaps: the two dog questions (different wording, shared content terms) form one topic.
      const dogs = page.getByTestId('coverage-gap').filter({ hasText: 'Are dogs allowed in the office?' })
      await expect(dogs).toHaveCount(1)
      await expect(dogs).toContainText('Can I bring my dog to the office?')
      await dashboard.screenshot('review-dashboard')
    })

    test('analyst filters thumbs-down, reviews the retrieval, corrects and promotes; the employee then gets the curated answer', async ({
      page,
      browser,
      signInViaApi,
    }) => {
      test.setTimeout(120_000)
      await signInViaApi('analyst')
      const log = new ReviewLogPage(page)
      await log.goto()
      await expect(page.getByRole('heading', { level: 1, name: 'Review' })).toBeVisible()
      await expect(log.row(LAPTOP)).toBeVisible()
      await log.screenshot('review-log')

      await log.filter({ feedback: 'down' })
      await expect(page).toHaveURL(/feedback=down/)
      const downs = await log.rows.count()
      expect(downs).toBeGreaterThanOrEqual(3)
      for (const row of await log.rows.all()) await expect(row).toContainText('Not helpful')
      // The hr user's thumbs-down used an hr-only document: not in an analyst's log.
      await expect(log.row(HR_QUESTION)).toHaveCount(0)
      await log.screenshot('review-log-thumbs-down')

      await log.open(LAPTOP)
      const answer = new ReviewAnswerPage(page)
      await expect(answer.question).toHaveText(LAPTOP)
      await expect(page.getByTestId('user-feedback')).toContainText('I heard it is every three years.')
      // Every retrieved candidate with its scores and ranks; used and cited rows are marked.
      expect(await answer.candidates.count()).toBeGreaterThan(3)
      const cited = answer.candidates.filter({ has: page.getByText('cited', { exact: true }) }).first()
      await expect(cited).toContainText('Equipment and Hardware Policy')
      await expect(cited).toContainText(/\d+\.\d{4}\s*#\d/)
      await answer.showPassage(cited)
      await expect(cited.getByTestId('candidate-passage')).toContainText(/laptop/i)
      await expect(answer.sentences.first()).toContainText(/Supported|Unsupported|Not a claim/)
      await expect(page.getByTestId('versions')).toContainText('Equipment and Hardware Policy')
      await expect(page.getByTestId('latency')).toContainText('Retrieve')
      await answer.screenshot('review-detail')

      await answer.correct(CORRECTED, 'refreshed every 36 months')
      await answer.label('Outdated')
      await answer.panel
        .getByLabel('Notes (optional)')
        .fill('The answer quoted the loaner rule, not the refresh cycle.')
      await answer.screenshot('review-correct')
      await answer.save()
      await answer.promote()
      await expect(answer.panel.getByText('Curated from this answer:')).toBeVisible()
      await answer.screenshot('review-promoted')

      // Labelled and attributed: the log shows the verdict.
      await log.goto('?review=corrected')
      await expect(log.row(LAPTOP)).toContainText('Corrected')

      // The employee asks the same question again: the curated answer comes back, marked as such.
      const employeeContext = await browser.newContext()
      const employeePage = await employeeContext.newPage()
      expect(
        (
          await employeePage.request.post('/api/auth/dev-sign-in', {
            data: { email: DEMO_USERS.employee.email },
          })
        ).status(),
      ).toBe(200)
      const chat = new ChatPage(employeePage)
      await chat.goto()
      const response = await chat.ask(LAPTOP)
      const body = await response.text()
      expect(body).toMatch(/"curatedAnswerId":"[0-9a-f-]{36}"/)
      await expect(chat.lastAnswer().getByTestId('answer-text')).toContainText('refreshed every 36 months')
      await expect(chat.lastAnswer().getByTestId('curated-badge')).toBeVisible()
      // Still marked after a reload (read back from the stored trace).
      await employeePage.reload()
      await expect(chat.lastAnswer().getByTestId('curated-badge')).toBeVisible()
      await employeePage.screenshot({ path: 'test-results/screenshots/review-chat-curated.png' })
      await employeeContext.close()

      await page.goto('/review/curated')
      const curated = page.getByTestId('curated-answer').filter({ hasText: LAPTOP }).first()
      await expect(curated).toContainText('Active')
      await expect(curated).toContainText('refreshed every 36 months')
      await log.screenshot('review-curated')
    })

    test('the review queue: thumbs-down first, keyboard shortcuts that ignore typing', async ({
      page,
      signInViaApi,
    }) => {
      await signInViaApi('analyst')
      await page.goto('/review/queue')
      await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible()
      await expect(page.getByTestId('queue-reason')).toContainText('Thumbs down')
      await expect(page.getByTestId('shortcut-help')).toContainText('Approve and next')
      const answer = new ReviewAnswerPage(page)
      const first = (await page.getByTestId('detail-question').textContent()) ?? ''
      await page.screenshot({ path: 'test-results/screenshots/review-queue.png', fullPage: true })

      // Typing in a field never triggers a shortcut.
      const notes = answer.panel.getByLabel('Notes (optional)')
      await notes.fill('')
      await notes.pressSequentially('a note with r and n in it')
      await expect(page.getByTestId('detail-question')).toHaveText(first)
      await expect(notes).toHaveValue('a note with r and n in it')
      await notes.blur()

      // n skips to the next, k comes back.
      await page.keyboard.press('n')
      await expect(page).toHaveURL(/\/review\/queue\?after=/)
      await expect(page.getByTestId('detail-question')).not.toHaveText(first)
      await page.keyboard.press('k')
      await expect(page.getByTestId('detail-question')).toHaveText(first)

      // c opens the correction with the editor focused; r rejects and moves on.
      await page.keyboard.press('c')
      await expect(answer.panel.getByLabel('Corrected answer')).toBeFocused()
      await answer.panel.getByLabel('Corrected answer').blur()
      await page.keyboard.press('r')
      await expect(page.getByTestId('detail-question')).not.toHaveText(first)
      await page.goto('/review?review=rejected')
      await expect(page.getByTestId('answer-row').filter({ hasText: first }).first()).toContainText(
        'Rejected',
      )
    })

    test('permissions: hr-only answers are hidden from analysts (log, detail, export) but not from admins', async ({
      page,
      playwright,
      baseURL,
      signInViaApi,
    }) => {
      const admin = await apiAs(playwright, baseURL, 'admin')
      const adminLog = (await (
        await admin.get(`/api/review/answers?q=${encodeURIComponent('salary band Lisbon')}`)
      ).json()) as {
        answers: { id: string; question: string; abstained: boolean }[]
      }
      // Other specs ask the same question as a plain employee (an abstention citing nothing): pick the answered one.
      const hrAnswer = adminLog.answers.find((a) => a.question === HR_QUESTION && !a.abstained)
      expect(hrAnswer).toBeDefined()
      const adminExport = await (await admin.get('/api/review/export?format=jsonl&feedback=down')).text()
      expect(adminExport).toContain(HR_QUESTION)
      await admin.dispose()

      await signInViaApi('analyst')
      expect((await page.goto(`/review/answers/${hrAnswer?.id}`))?.status()).toBe(404)
      expect((await page.request.get(`/api/review/answers/${hrAnswer?.id}`)).status()).toBe(404)
      const csv = await page.request.get('/api/review/export?format=csv&feedback=down')
      expect(csv.headers()['content-type']).toContain('text/csv')
      expect(csv.headers()['content-disposition']).toMatch(
        /attachment; filename="policydesk-answers-.*\.csv"/,
      )
      const text = await csv.text()
      expect(text.split('\r\n')[0]).toContain('question')
      expect(text).toContain(LAPTOP)
      expect(text).not.toContain(HR_QUESTION)
      const jsonl = await (await page.request.get('/api/review/export?format=jsonl&feedback=down')).text()
      const lines = jsonl
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { question: string; candidates: unknown[] })
      expect(lines.some((l) => l.question === LAPTOP && l.candidates.length > 0)).toBe(true)
      expect(jsonl).not.toContain(HR_QUESTION)
    })
  })
