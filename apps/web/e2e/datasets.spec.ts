import { type FakeFineTuneServer, startFakeFineTuneServer } from '@policydesk/finetune/testing'
import { apiAs, expect, test } from './fixtures'
import { lastJson, runPolicydesk } from './support/run-in-repo'

/**
 * The training side seen from the analyst UI: answers reviewed in the app, exported with
 * `policydesk finetune export`, submitted to a local server speaking the OpenAI fine-tuning protocol,
 * then found, inspected and downloaded on the Datasets page.
 */

// The address must be scrubbed from the dataset (PII), while the question still retrieves its policy.
const QUESTIONS = [
  'What does the company match on 401(k) contributions? Please copy dana.lee@example.org.',
  'After I submit a whistleblowing report, when will I hear back?',
]

type ChatFinal = { traceId: string | null; abstained: boolean }
type Exported = { id: string; name: string; stats: { examples: number; train: number } }
type Job = { id: string; status: string; resultModel: string | null }

test.describe
  .serial('fine-tuning datasets', () => {
    const name = `e2e-dataset-${Date.now()}`
    let fake: FakeFineTuneServer
    let exported: Exported
    let job: Job

    test.beforeAll(async ({ playwright, baseURL }) => {
      test.setTimeout(240_000)
      const since = new Date().toISOString()
      fake = await startFakeFineTuneServer({ apiKey: 'sk-e2e' })
      const employee = await apiAs(playwright, baseURL, 'employee')
      const analyst = await apiAs(playwright, baseURL, 'analyst')
      for (const message of QUESTIONS) {
        const body = await (await employee.post('/api/chat', { data: { message } })).text()
        const final = JSON.parse(body.split('event: final\ndata: ')[1]?.split('\n')[0] ?? 'null') as ChatFinal
        expect(final.traceId, message).toBeTruthy()
        const review = await analyst.put(`/api/review/answers/${final.traceId}/review`, {
          data: { verdict: 'approved', labels: [] },
        })
        expect(review.status(), message).toBe(200)
      }
      await employee.dispose()
      await analyst.dispose()
      // Only this spec's reviews, whatever other specs reviewed before.
      exported = lastJson<Exported>(
        await runPolicydesk([
          'finetune',
          'export',
          '--as',
          'analyst@example.com',
          '--name',
          name,
          '--since',
          since,
          '--validation-share',
          '0',
          '--json',
        ]),
      )
      job = lastJson<Job>(
        await runPolicydesk(
          ['finetune', 'submit', '--dataset', exported.id, '--model', 'gpt-4o-mini', '--wait', '--json'],
          {
            env: {
              FINETUNE_BASE_URL: fake.url,
              FINETUNE_API_KEY: 'sk-e2e',
              FINETUNE_POLL_INTERVAL_MS: '100',
            },
          },
        ),
      )
    })

    test.afterAll(async () => {
      await fake?.close()
    })

    test('an analyst finds the exported dataset with its stats, job and model, and downloads the training file', async ({
      page,
      signInViaApi,
    }) => {
      expect(exported.stats.examples).toBe(QUESTIONS.length)
      expect(job.status).toBe('succeeded')
      expect(job.resultModel).toBeTruthy()
      // The training file the job uploaded is the one the page offers.
      const uploaded = [...fake.files.values()].map((f) => f.content)

      await signInViaApi('analyst')
      await page.goto('/review')
      await page.getByRole('navigation', { name: 'Review' }).getByRole('link', { name: 'Datasets' }).click()
      await expect(page.getByRole('heading', { level: 1, name: 'Datasets' })).toBeVisible()
      const card = page.getByTestId('dataset').filter({ has: page.getByRole('heading', { name }) })
      await expect(card).toBeVisible()
      await expect(card.getByTestId('dataset-examples')).toHaveText(
        `${QUESTIONS.length} (${QUESTIONS.length} train / 0 validation)`,
      )
      await expect(card).toContainText('by analyst@example.com')
      await expect(card.getByTestId('dataset-pii')).toContainText('email 1')
      await expect(card).toContainText('1 fine-tuning job')
      const jobRow = page.getByTestId('finetune-job').filter({ hasText: name })
      await expect(jobRow).toContainText('succeeded')
      await expect(jobRow).toContainText(job.resultModel ?? '')
      await expect(jobRow).toContainText('The job has successfully completed')
      await expect(
        page.getByTestId('finetuned-model').filter({ hasText: job.resultModel ?? '' }),
      ).toBeVisible()
      await page.screenshot({ path: 'test-results/screenshots/review-datasets.png', fullPage: true })

      const downloadPromise = page.waitForEvent('download')
      await card.getByRole('link', { name: 'Training file' }).click()
      const download = await downloadPromise
      expect(download.suggestedFilename()).toBe(`${name}.jsonl`)
      const stream = await download.createReadStream()
      const chunks: Buffer[] = []
      for await (const chunk of stream) chunks.push(chunk as Buffer)
      const text = Buffer.concat(chunks).toString('utf8')
      expect(uploaded).toContain(text)
      const lines = text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { messages: { role: string; content: string }[] })
      expect(lines).toHaveLength(QUESTIONS.length)
      for (const line of lines)
        expect(line.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant'])
      expect(text).toContain('[EMAIL]')
      expect(text).not.toContain('dana.lee@example.org')
    })

    test('an analyst exports a dataset from the page; an export with nothing to export says why', async ({
      page,
      signInViaApi,
    }) => {
      await signInViaApi('analyst')
      await page.goto('/review/datasets')
      const form = page.getByRole('form', { name: 'New export' })
      await form.getByLabel('Reviewed since (optional)').fill('2099-01-01')
      await form.getByRole('button', { name: 'Export dataset' }).click()
      await expect(form.getByRole('alert')).toContainText('No examples to export')

      const uiName = `ui-export-${Date.now()}`
      await form.getByLabel('Name (optional)').fill(uiName)
      await form.getByLabel('Reviewed since (optional)').fill(new Date().toISOString().slice(0, 10))
      await form.getByLabel('Corrected', { exact: true }).uncheck()
      await form.getByLabel('Validation share').fill('0')
      await form.getByRole('button', { name: 'Export dataset' }).click()
      await expect(form.getByRole('status')).toContainText(`Exported ${uiName}`)
      const card = page.getByTestId('dataset').filter({ has: page.getByRole('heading', { name: uiName }) })
      await expect(card).toContainText('verdicts approved ·')
      await expect(card).toContainText('by analyst@example.com')
      const examples = Number((await card.getByTestId('dataset-examples').textContent())?.split(' ')[0])
      expect(examples).toBeGreaterThanOrEqual(QUESTIONS.length)
      await page.screenshot({ path: 'test-results/screenshots/review-datasets-export.png', fullPage: true })

      // The API names what is wrong with a request, and never exports without a verdict.
      const bad = await page.request.post('/api/review/datasets', { data: { verdicts: [], name: 'a b' } })
      expect(bad.status()).toBe(400)
      const error = ((await bad.json()) as { error: string }).error
      expect(error).toContain('verdicts')
      expect(error).toContain('name')
    })

    test('downloads are audited; unknown ids and bad parts are clear errors', async ({
      page,
      signInViaApi,
    }) => {
      await signInViaApi('analyst')
      const bad = await page.request.get(`/api/review/datasets/${exported.id}/download?part=everything`)
      expect(bad.status()).toBe(400)
      expect(((await bad.json()) as { error: string }).error).toMatch(/part/)
      const unknown = await page.request.get(
        '/api/review/datasets/00000000-0000-4000-8000-000000000000/download',
      )
      expect(unknown.status()).toBe(404)
      const listed = (await (await page.request.get('/api/review/datasets')).json()) as {
        datasets: { id: string }[]
      }
      expect(listed.datasets.map((d) => d.id)).toContain(exported.id)

      await page.request.post('/api/auth/sign-out')
      await signInViaApi('admin')
      const audit = (await (
        await page.request.get('/api/admin/audit?action=finetune.dataset.download')
      ).json()) as {
        entries: { targetId: string; actorEmail?: string | null }[]
      }
      expect(audit.entries.some((e) => e.targetId === exported.id)).toBe(true)
    })
  })
