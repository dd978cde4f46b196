import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createDb, embeddingIndexState } from '@policydesk/db'
import { createEmbeddingProvider } from '@policydesk/ingest'
import { readServiceState } from '@policydesk/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jsonLines, runCli } from '../testing/run-cli'

let dataDir: string
let filesDir: string
const env = (extra: Record<string, string> = {}) => ({
  POLICYDESK_DATA_DIR: dataDir,
  POLICYDESK_JOBS: 'inline',
  DATABASE_URL: undefined,
  REDIS_URL: undefined,
  ...extra,
})

function writeFiles(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const file = path.join(filesDir, `${prefix}-${i}.md`)
    writeFileSync(
      file,
      `# ${prefix} ${i}\n\n## Rule\n\nRule ${i} of ${prefix}: requests go to the ${prefix} desk.\n`,
    )
    return file
  })
}

/** The built-in model's index state in the CLI's embedded database (its daemon is still up). */
async function indexState() {
  const state = readServiceState(path.join(dataDir, 'pg.json'))
  const handle = createDb(`postgres://postgres:postgres@127.0.0.1:${state?.port}/postgres`)
  try {
    const { model, dimensions } = createEmbeddingProvider()
    return await embeddingIndexState(handle.db, model, dimensions)
  } finally {
    await handle.close()
  }
}

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pd-cli-bulk-'))
  filesDir = mkdtempSync(path.join(tmpdir(), 'pd-cli-bulk-files-'))
})
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(filesDir, { recursive: true, force: true })
})

describe('policydesk ingest --wait builds the vector index after a bulk load', () => {
  it('keeps the index live for a small load, and says nothing about it', async () => {
    const run = await runCli(['ingest', ...writeFiles('small', 2), '--wait', '--json'], env(), 180_000)
    expect(run.code).toBe(0)
    expect(run.stderr).not.toContain('vector index')
    expect(jsonLines(run.stdout).map((r) => (r as { status: string }).status)).toEqual(['ready', 'ready'])
    expect(await indexState()).toMatchObject({ indexed: true })
  })

  it('defers above the threshold: drops the index, loads, builds it again, and says so', async () => {
    const before = await indexState()
    const run = await runCli(
      ['ingest', ...writeFiles('bulk', 3), '--wait', '--json'],
      env({ INGEST_BULK_MIN_PASSAGES: '1' }),
      180_000,
    )
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(
      /Bulk load \(~\d+ passages onto \d+\): the vector index is built after the load/,
    )
    expect(run.stderr).toMatch(/Vector index built in [\d.]+ s/)
    expect(jsonLines(run.stdout)).toHaveLength(3)
    const after = await indexState()
    expect(after.indexed).toBe(true)
    expect(after.rows).toBeGreaterThan(before.rows)
  })

  it('refuses --index deferred without --wait, and an unknown mode, naming the flag', async () => {
    const noWait = await runCli(['ingest', ...writeFiles('nowait', 1), '--index', 'deferred'], env())
    expect(noWait.code).toBe(1)
    expect(noWait.stderr).toContain('--index deferred needs --wait')
    const unknown = await runCli(['ingest', ...writeFiles('unknown', 1), '--index', 'sometimes'], env())
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('--index is auto, live or deferred')
  })
})
