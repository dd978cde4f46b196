import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { readServiceState } from '@policydesk/runtime'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../testing/run-cli'

/**
 * `policydesk db backup` / `db restore` round trip on the embedded database: everything that matters
 * (documents, versions, chunks, embeddings, answer traces, reviews) comes back identical, and a question
 * is answered the same way.
 */
const root = path.resolve(import.meta.dirname, '../../../..')
const dirs: string[] = []
const temp = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  dirs.push(dir)
  return dir
}
let env: Record<string, string | undefined>
const QUESTION = 'How many days per week may I work remotely?'
const TABLES = ['documents', 'document_versions', 'chunks', 'chunk_embeddings', 'answer_traces', 'reviews']

/** Row count and a hash of every row of each table, read through the running daemon. */
async function fingerprint(dataDir: string): Promise<Record<string, string>> {
  const state = readServiceState(path.join(dataDir, 'pg.json'))
  if (!state?.port) throw new Error('no embedded database running')
  const client = new pg.Client({
    connectionString: `postgres://postgres:postgres@127.0.0.1:${state.port}/postgres`,
  })
  await client.connect()
  try {
    const out: Record<string, string> = {}
    for (const table of TABLES) {
      const { rows } = await client.query<{ n: number; h: string }>(
        `select count(*)::int n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) h from ${table} t`,
      )
      out[table] = `${rows[0]?.n}:${rows[0]?.h}`
    }
    return out
  } finally {
    await client.end()
  }
}

const ok = async (args: string[]) => {
  const run = await runCli(args, env, 240_000)
  if (run.code !== 0) throw new Error(`policydesk ${args.join(' ')} failed: ${run.stderr}`)
  return run.stdout
}
const lastJson = <T>(stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1) ?? 'null') as T
type Answer = { text: string; citations: { documentSlug: string; chunkId: string }[] }

beforeAll(() => {
  const samples = temp('pd-backup-corpus-')
  mkdirSync(path.join(samples, 'policies'))
  const manifest = JSON.parse(readFileSync(path.join(root, 'samples/manifest.json'), 'utf8')) as {
    documents: { file: string }[]
  }
  const files = ['remote-work.md', 'pto-and-leave.md']
  for (const file of files)
    copyFileSync(path.join(root, 'samples/policies', file), path.join(samples, 'policies', file))
  writeFileSync(
    path.join(samples, 'manifest.json'),
    JSON.stringify({ documents: manifest.documents.filter((d) => files.includes(d.file)) }),
  )
  const questions = readFileSync(path.join(root, 'samples/questions.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.includes('"remote-work"') || l.includes('"pto-and-leave"'))
    .slice(0, 4)
  writeFileSync(path.join(samples, 'questions.jsonl'), `${questions.join('\n')}\n`)
  env = {
    POLICYDESK_DATA_DIR: temp('pd-backup-data-'),
    POLICYDESK_SAMPLES_DIR: samples,
    DATABASE_URL: undefined,
    REDIS_URL: undefined,
    POLICYDESK_JOBS: 'inline',
    // Long enough to read fingerprints between commands; restore stops the idle daemon itself.
    POLICYDESK_DB_IDLE_MS: '60000',
  }
})
afterAll(async () => {
  const daemon = readServiceState(path.join(String(env.POLICYDESK_DATA_DIR), 'pg.json'))
  if (daemon) process.kill(daemon.pid, 'SIGTERM')
  await new Promise((resolve) => setTimeout(resolve, 500))
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

describe('policydesk db backup / restore', () => {
  it('restores documents, versions, chunks, traces and reviews identically; the same question gets the same answer', async () => {
    await ok(['db', 'seed', '--json'])
    await ok([
      'finetune',
      'seed-reviews',
      '--questions',
      path.join(String(env.POLICYDESK_SAMPLES_DIR), 'questions.jsonl'),
      '--json',
    ])
    const before = lastJson<Answer>(await ok(['ask', QUESTION, '--json']))
    expect(before.citations.length).toBeGreaterThan(0)
    const original = await fingerprint(String(env.POLICYDESK_DATA_DIR))
    expect(Number(original.reviews?.split(':')[0])).toBeGreaterThan(0)
    expect(Number(original.answer_traces?.split(':')[0])).toBeGreaterThan(1)

    const file = path.join(temp('pd-backup-file-'), 'policydesk.backup')
    const backup = lastJson<{ file: string; bytes: number }>(await ok(['db', 'backup', file, '--json']))
    expect(backup).toMatchObject({ file })
    expect(backup.bytes).toBeGreaterThan(100_000)
    // An existing file is not overwritten by accident.
    const again = await runCli(['db', 'backup', file], env)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('pass --force')

    // Life goes on: a document is deleted, another question is asked.
    await ok(['documents', 'delete', 'remote-work'])
    await ok(['ask', 'How many vacation days do I get?', '--json'])
    expect(await fingerprint(String(env.POLICYDESK_DATA_DIR))).not.toEqual(original)

    const refused = await runCli(['db', 'restore', file], env)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('--yes')
    const restored = lastJson<{ documents: number; previous: string }>(
      await ok(['db', 'restore', file, '--yes', '--json']),
    )
    expect(restored.documents).toBe(2)
    expect(restored.previous).toContain('pg.before-restore-')

    await ok(['documents', 'list', '--json']) // starts the daemon on the restored data
    expect(await fingerprint(String(env.POLICYDESK_DATA_DIR))).toEqual(original)
    const after = lastJson<Answer>(await ok(['ask', QUESTION, '--json']))
    expect(after.text).toBe(before.text)
    expect(after.citations.map((c) => c.chunkId)).toEqual(before.citations.map((c) => c.chunkId))
  }, 600_000)

  it('refuses a file that is not a backup, leaving the data untouched', async () => {
    const junk = path.join(temp('pd-backup-junk-'), 'junk.backup')
    writeFileSync(junk, 'not a tarball')
    const before = await fingerprint(String(env.POLICYDESK_DATA_DIR))
    const run = await runCli(['db', 'restore', junk, '--yes'], env)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('is not a Policy Desk backup')
    await ok(['documents', 'list', '--json'])
    expect(await fingerprint(String(env.POLICYDESK_DATA_DIR))).toEqual(before)
  }, 300_000)

  it('points a Postgres server to pg_dump / pg_restore', async () => {
    const run = await runCli(['db', 'backup', '/tmp/x.backup'], {
      ...env,
      DATABASE_URL: 'postgres://u:p@127.0.0.1:1/db',
    })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('use pg_dump')
  })
})
