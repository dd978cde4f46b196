import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { findProjectRoot } from '@policydesk/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import cliPackage from '../package.json' with { type: 'json' }
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
    for (const command of ['start', 'db', 'ingest', 'ask', 'eval', 'documents', 'completion'])
      expect(run.stdout).toContain(command)
    expect(run.stdout).toContain('Examples:')
    const version = await runCli(['--version'], env())
    expect(version.stdout.trim()).toBe(cliPackage.version)
  }, 300_000)

  it('prints a completion script that completes subcommands and flags in a real bash', async () => {
    const script = (await runCli(['completion', 'bash'], env())).stdout
    const complete = (...words: string[]) => {
      const line = words.map((w) => `'${w}'`).join(' ')
      const out = execFileSync('bash', [
        '-c',
        `${script}\nCOMP_WORDS=(policydesk ${line}); COMP_CWORD=${words.length}; _policydesk_complete; printf '%s\\n' "\${COMPREPLY[@]}"`,
      ])
      return String(out).split('\n').filter(Boolean).sort()
    }
    expect(complete('doc')).toEqual(['documents'])
    expect(complete('documents', '')).toEqual(expect.arrayContaining(['list', 'show', 'delete', 'purge']))
    expect(complete('documents', 'purge', '--')).toEqual(['--help', '--json', '--yes'])
    expect(complete('ask', '--as', 'x@example.com', '--j')).toEqual(['--json'])
    const wrong = await runCli(['completion', 'fish'], env())
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain('unknown shell "fish": use one of bash, zsh')
  }, 60_000)

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
    expect(reports).toHaveLength(23)
    expect(reports.every((r) => r.status === 'ready' && Number(r.chunks) > 0)).toBe(true)

    const second = await runCli(['ingest', policies, '--wait', '--json'], env(), 240_000)
    expect(second.code).toBe(0)
    const again = jsonLines(second.stdout)
    expect(again.map((r) => r.versionId)).toEqual(reports.map((r) => r.versionId))
    expect(again.map((r) => r.chunks)).toEqual(reports.map((r) => r.chunks))

    const list = jsonLines((await runCli(['documents', 'list', '--json'], env())).stdout)
    expect(list).toHaveLength(23)
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

    // The manage commands speak --json too: delete (twice: the second finds it deleted), then purge.
    const id = String(byName['notes.md']?.documentId)
    const deleted = await runCli(['documents', 'delete', id, '--json'], env())
    expect(jsonLines(deleted.stdout)).toEqual([{ id, slug: 'notes', deleted: true }])
    const again = await runCli(['documents', 'delete', 'notes', '--json'], env())
    expect(jsonLines(again.stdout)).toEqual([{ id, slug: 'notes', deleted: false }])
    const purged = await runCli(['documents', 'purge', 'notes', '--yes', '--json'], env())
    expect(jsonLines(purged.stdout)).toEqual([{ id, slug: 'notes', purged: true }])
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

    const unanswerable = await runCli(
      ['ask', "What is the company's policy on keeping bees on the office roof?", '--json'],
      env(),
    )
    expect(jsonLines(unanswerable.stdout)[0]).toMatchObject({ abstained: true, citations: [] })

    // A date question: the built-in calculation is printed as a tool call, and --json has the whole call.
    const notice = 'If I resign on 2026-03-15 with one month notice, when is my last day?'
    const printed = await runCli(['ask', notice], env())
    expect(printed.stdout).toContain('Calculation: with 1 month of notice given on 2026-03-15')
    expect(printed.stdout).toContain(
      '(tool calculate_dates, ok: Calculated: 1 month notice from 2026-03-15: the period ends 2026-04-15, last working day 2026-04-15)',
    )
    const traced = jsonLines((await runCli(['ask', notice, '--json'], env())).stdout)[0]
    expect(traced).toMatchObject({
      toolCalls: [{ name: 'calculate_dates', status: 'ok', arguments: { operation: 'notice_deadline' } }],
    })
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

  it('prepare (what start runs first) only migrates a database that has documents', async () => {
    const prepared = await runCli(['db', 'prepare', '--json'], env())
    expect(prepared.code).toBe(0)
    expect(jsonLines(prepared.stdout)[0]).toEqual({
      migrated: true,
      database: 'embedded',
      seeded: false,
      documents: 0,
    })
  }, 120_000)

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
