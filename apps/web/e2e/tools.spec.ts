import { apiAs, expect, test } from './fixtures'
import { askApi } from './support/chat-api'

/**
 * Tools with the built-in answerer (docs/ARCHITECTURE.md, "Tools"): a notice-period question gets a
 * labelled calculation, the chat's `final` event carries the call as a one-line summary, and the analyst's
 * answer detail lists it with its arguments, status and result.
 */
const QUESTION = 'If I resign on 2026-03-15 with one month notice, when is my last day?'

test('a date question: calculation in the answer, summary in the final event, call in the review detail', async ({
  playwright,
  baseURL,
  page,
  signInViaApi,
}) => {
  const employee = await apiAs(playwright, baseURL, 'employee')
  const outcome = await askApi(employee, QUESTION)
  expect(outcome.status).toBe(200)
  const final = outcome.final ?? {}
  expect(String(final.text)).toContain(
    'Calculation: with 1 month of notice given on 2026-03-15, the notice period ends on 2026-04-15, so the last working day is 2026-04-15',
  )
  expect(final.toolCalls).toEqual([
    {
      name: 'calculate_dates',
      status: 'ok',
      summary: expect.stringContaining('the period ends 2026-04-15, last working day 2026-04-15'),
    },
  ])
  // Summaries only: the arguments and the result stay in the trace.
  expect(JSON.stringify(final.toolCalls)).not.toContain('noticeDate')
  expect(final.handoffProposal).toBeUndefined()

  await signInViaApi('analyst')
  await page.goto(`/review/answers/${String(final.traceId)}`)
  const tools = page.getByTestId('tool-calls')
  await expect(page.getByRole('heading', { name: 'Tools' })).toBeVisible()
  await expect(tools.getByText('calculate_dates')).toBeVisible()
  await expect(tools.getByText('ok', { exact: true })).toBeVisible()
  await expect(tools.getByText(/"noticeDate": "2026-03-15"/).first()).toBeVisible()
  await expect(tools.getByText(/"lastWorkingDay": "2026-04-15"/)).toBeVisible()
})

test('the chat shows how a date answer was worked out, folded under the answer', async ({
  chat,
  signInViaApi,
}) => {
  await signInViaApi('employee')
  await chat.goto()
  await chat.ask('If I resign on 2026-05-04 with one month notice, when is my last day?')
  const answer = chat.lastAnswer()
  await expect(answer).toContainText('the last working day is 2026-06-04')
  const steps = answer.getByTestId('answer-tools')
  await expect(steps.getByText('How this was answered: 1 step')).toBeVisible()
  const summary = steps.getByText(/^Calculated: .*last working day 2026-06-04/)
  await expect(summary).toBeHidden()
  await steps.getByText('How this was answered: 1 step').click()
  await expect(summary).toBeVisible()
  await chat.screenshot('chat-tool-steps')
})
