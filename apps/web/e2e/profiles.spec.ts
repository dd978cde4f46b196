import { apiAs, expect, test } from './fixtures'

/**
 * Answers for THIS employee (issue 14): the Lisbon employee (PT) and the Berlin employee (DE) ask the
 * same question and each gets their own country's rule, cited and introduced with whom it is for; an
 * admin confirms whom an uploaded document applies to.
 */

const QUESTION = 'How many vacation days do I get per year?'

for (const { user, country, days, title } of [
  {
    user: 'employee',
    country: 'Portugal',
    days: '25 working days',
    title: 'Vacation and Sick Pay — Portugal',
  },
  {
    user: 'berlin',
    country: 'Germany',
    days: '28 working days',
    title: 'Vacation and Sick Pay — Germany',
  },
] as const) {
  test(`the ${user} employee gets the ${country} rule`, async ({ chat, signInViaApi }) => {
    await signInViaApi(user)
    await chat.goto()
    await chat.ask(QUESTION)
    const answer = chat.lastAnswer()
    await expect(answer).toContainText(`For employees in ${country}:`)
    await expect(answer).toContainText(days)
    const sources = answer.getByRole('list', { name: 'Sources' })
    await expect(sources.getByRole('button', { name: new RegExp(title) })).toBeVisible()
    await expect(sources.getByTestId('applies-to').first()).toHaveText(`Applies to: ${country}`)
    await chat.screenshot(`profiles-${user}`)
  })
}

test('an admin confirms the applicability suggested from the text, then edits it', async ({
  page,
  playwright,
  baseURL,
  signInViaApi,
}) => {
  const admin = await apiAs(playwright, baseURL, 'admin')
  const name = `parking-portugal-${Date.now()}.md`
  const uploaded = await admin.post('/api/documents', {
    headers: { Origin: baseURL ?? '' },
    multipart: {
      file: {
        name,
        mimeType: 'text/markdown',
        buffer: Buffer.from(
          '# Office Parking — Portugal\n\nEmployees in Portugal book a parking space in the Lisbon garage through the workplace app.\n',
        ),
      },
    },
  })
  expect(uploaded.status(), await uploaded.text()).toBe(201)
  const { results } = (await uploaded.json()) as { results: { documentId: string }[] }
  const documentId = results[0]?.documentId ?? ''

  await signInViaApi('admin')
  // Suggested at ingestion: the worker has to process the version first.
  await expect(async () => {
    await page.goto(`/admin/documents/${documentId}`)
    await expect(page.getByTestId('applicability-suggestion')).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 60_000 })
  const card = page.getByRole('region', { name: 'Applies to' })
  await expect(page.getByTestId('applicability-suggestion')).toContainText('applies to Portugal')
  await page.getByTestId('applicability-suggestion').getByRole('button', { name: 'Confirm' }).click()
  await expect(card.getByRole('status')).toContainText('Confirmed: applies to Portugal')
  await expect(page.getByTestId('applicability-suggestion')).toHaveCount(0)
  await expect(card.getByLabel('Countries (ISO codes)')).toHaveValue('PT')

  await card.getByLabel('Countries (ISO codes)').fill('pt, de')
  await card.getByLabel('Employment types').fill('full-time')
  await card.getByRole('button', { name: 'Save applicability' }).click()
  await expect(card.getByRole('status')).toContainText('Applies to Portugal · Germany · full-time')

  await card.getByLabel('Countries (ISO codes)').fill('Portugal')
  await card.getByRole('button', { name: 'Save applicability' }).click()
  await expect(card.getByRole('alert')).toContainText('ISO 3166-1 alpha-2')

  // Clean up: the document leaves the corpus other specs ask.
  expect(
    (
      await admin.delete(`/api/admin/documents/${documentId}`, { headers: { Origin: baseURL ?? '' } })
    ).status(),
  ).toBe(204)
  await admin.dispose()
})
