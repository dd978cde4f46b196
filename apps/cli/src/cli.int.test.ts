import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { findProjectRoot } from '@policydesk/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jsonLines, runCli } from './testing/run-cli'

const root = findProjectRoot()
const policies = path.join(root, 'samples/policies')
let dataDir: string
// No Redis for these runs: the CLI must work alone (ingest --wait processes in-process).
const env = () => ({
  POLICYDESK_DATA_DIR: dataDir,
  POLICYDESK_JOBS: 'inline',
  DATABASE_URL: undefined,
  REDIS_URL: undefined,
})

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pd-cli-'))
})
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true })
})

describe('policydesk CLI', () => {
  it('prints help', async () => {
    const run = await runCli(['--help'], env())
    expect(run.code).toBe(0)
    for (const command of ['start', 'db', 'ingest', 'ask', 'eval', 'documents'])
      expect(run.stdout).toContain(command)
  }, 300_000)

  it('migrates idempotently', async () => {
    expect((await runCli(['db', 'migrate'], env())).code).toBe(0)
    const again = await runCli(['db', 'migrate', '--json'], env())
    expect(again.code).toBe(0)
    expect(jsonLines(again.stdout)[0]).toMatchObject({ migrated: true })
  }, 300_000)

  it('ingests the demo corpus twice without duplicating documents, versions or chunks', async () => {
    const first = await runCli(['ingest', policies, '--wait', '--json'], env(), 240_000)
    expect(first.stderr).not.toMatch(/error/i)
    expect(first.code).toBe(0)
    const reports = jsonLines(first.stdout)
    expect(reports).toHaveLength(20)
    expect(reports.every((r) => r.status === 'ready' && Number(r.chunks) > 0)).toBe(true)

    const second = await runCli(['ingest', policies, '--wait', '--json'], env(), 240_000)
    expect(second.code).toBe(0)
    const again = jsonLines(second.stdout)
    expect(again.map((r) => r.versionId)).toEqual(reports.map((r) => r.versionId))
    expect(again.map((r) => r.chunks)).toEqual(reports.map((r) => r.chunks))

    const list = jsonLines((await runCli(['documents', 'list', '--json'], env())).stdout)
    expect(list).toHaveLength(20)
    expect(list.every((d) => d.latestVersionNo === 1)).toBe(true)
  }, 300_000)

  it('reports a failed file with its reason and a non-zero exit, without stopping the others', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pd-bad-'))
    writeFileSync(path.join(dir, 'empty.md'), '')
    writeFileSync(
      path.join(dir, 'notes.md'),
      '# Notes\n\nVisitors sign in at reception and wear a visitor badge.\n',
    )
    const run = await runCli(['ingest', dir, '--wait', '--json'], env())
    expect(run.code).toBe(1)
    const byName = Object.fromEntries(jsonLines(run.stdout).map((r) => [path.basename(String(r.path)), r]))
    expect(byName['empty.md']).toMatchObject({ status: 'failed', error: 'The file is empty' })
    expect(byName['notes.md']).toMatchObject({ status: 'ready' })
    rmSync(dir, { recursive: true, force: true })
  }, 300_000)

  it('answers a demo question with a citation and abstains on an unanswerable one', async () => {
    // The seeded demo users are needed for `ask --as`.
    expect((await runCli(['db', 'seed', '--json'], env(), 240_000)).code).toBe(0)
    const answered = await runCli(
      ['ask', 'What is the refund policy for enterprise accounts?', '--json'],
      env(),
    )
    expect(answered.code).toBe(0)
    const result = jsonLines(answered.stdout)[0] as {
      abstained: boolean
      citations: { documentSlug: string }[]
    }
    expect(result.abstained).toBe(false)
    expect(result.citations.some((c) => c.documentSlug === 'refund-policy')).toBe(true)

    const unanswerable = await runCli(['ask', 'Does the company offer pet insurance?', '--json'], env())
    expect(jsonLines(unanswerable.stdout)[0]).toMatchObject({ abstained: true, citations: [] })
  }, 300_000)

  it('seeds demo conversations through the real pipeline once', async () => {
    type Seeded = { conversations: { conversations: number; skipped: number; traces: number; down: number } }
    const first = await runCli(['db', 'seed', '--conversations', '--json'], env(), 240_000)
    expect(first.code).toBe(0)
    const seeded = (jsonLines(first.stdout).at(-1) as Seeded).conversations
    expect(seeded.conversations).toBeGreaterThan(0)
    expect(seeded.traces).toBeGreaterThanOrEqual(seeded.conversations)
    expect(seeded.down).toBeGreaterThan(0)
    const again = (
      jsonLines((await runCli(['db', 'seed', '--conversations', '--json'], env())).stdout).at(-1) as Seeded
    ).conversations
    expect(again).toMatchObject({ conversations: 0, skipped: seeded.conversations, traces: 0 })
  }, 300_000)

  it('gives one clear line and exit 1 for bad input', async () => {
    const missing = await runCli(['ingest', '/no/such/path'], env())
    expect(missing.code).toBe(1)
    expect(missing.stderr.trim()).toBe('policydesk: No such file or directory: /no/such/path')

    const badDb = await runCli(['db', 'migrate'], {
      ...env(),
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    })
    expect(badDb.code).toBe(1)
    expect(badDb.stderr).toMatch(
      /^policydesk: Cannot reach the database at postgres:\/\/nobody@127\.0\.0\.1:1\/none/,
    )

    const badRedis = await runCli(['ingest', policies], { ...env(), REDIS_URL: 'redis://127.0.0.1:1' })
    expect(badRedis.code).toBe(1)
    expect(badRedis.stderr).toMatch(/^policydesk: Cannot reach Redis at redis:\/\/127\.0\.0\.1:1/)

    const badEnv = await runCli(['db', 'migrate'], { ...env(), DATABASE_URL: 'mysql://x' })
    expect(badEnv.code).toBe(1)
    expect(badEnv.stderr).toContain('DATABASE_URL must be a postgres:// or postgresql:// URL')
  }, 300_000)
})
