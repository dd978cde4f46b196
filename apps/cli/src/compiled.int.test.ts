import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { startTestDatabase, type TestDatabase } from '@policydesk/db/testing'
import { startTestRedis, type TestRedis } from '@policydesk/jobs/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * The production build: the worker and the CLI compiled to single ESM files (tooling/build/bundle-node.mjs)
 * run on plain `node`, without tsx, against a real database and Redis.
 */
const root = path.resolve(import.meta.dirname, '../../..')
let db: TestDatabase
let redis: TestRedis

function run(args: string[], env: Record<string, string>, until?: string, timeoutMs = 60_000) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const { DATABASE_URL: _d, REDIS_URL: _r, ...inherited } = process.env
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`timed out: ${args.join(' ')}\n${stderr}`))
    }, timeoutMs)
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString()
    })
    let signalled = false
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString()
      // Once: a second SIGTERM landing while the process is already exiting ended it by the signal.
      if (until && !signalled && stderr.includes(until)) {
        signalled = true
        child.kill('SIGTERM')
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

beforeAll(async () => {
  for (const app of ['apps/cli', 'apps/worker']) {
    const built = await run([path.join(root, 'tooling/build/bundle-node.mjs'), app], {})
    expect(built.code, built.stderr).toBe(0)
  }
  db = await startTestDatabase()
  redis = await startTestRedis()
})
afterAll(async () => {
  await redis?.stop()
  await db?.stop()
})

describe('compiled worker and CLI on plain node', () => {
  it('the CLI bundle migrates (migrations shipped beside it) and lists documents', async () => {
    const cli = path.join(root, 'apps/cli/build/dist/main.mjs')
    expect(existsSync(path.join(root, 'apps/cli/build/migrations/meta/_journal.json'))).toBe(true)
    const migrate = await run([cli, 'db', 'migrate', '--json'], { DATABASE_URL: db.url })
    expect(migrate.stderr).toBe('')
    expect(JSON.parse(migrate.stdout)).toEqual({ migrated: true, database: 'external' })
    const list = await run([cli, 'documents', 'list', '--json'], { DATABASE_URL: db.url })
    expect(list.code).toBe(0)
  })

  it('the worker bundle starts, consumes the queue and stops on SIGTERM', async () => {
    const worker = await run(
      [path.join(root, 'apps/worker/build/dist/main.mjs')],
      {
        DATABASE_URL: db.url,
        REDIS_URL: redis.url,
        LOG_FORMAT: 'json',
      },
      'consuming the BullMQ queue',
    )
    expect(worker.stderr).toContain('"msg":"ingest worker consuming the BullMQ queue"')
    expect(worker.code).toBe(0)
  })
})
