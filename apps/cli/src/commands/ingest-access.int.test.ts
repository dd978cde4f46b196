import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createDb, listAuditLog } from '@policydesk/db'
import { readServiceState } from '@policydesk/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jsonLines, runCli } from '../testing/run-cli'

let dataDir: string
let filesDir: string
const env = () => ({
  POLICYDESK_DATA_DIR: dataDir,
  POLICYDESK_JOBS: 'inline',
  DATABASE_URL: undefined,
  REDIS_URL: undefined,
})

/** Writes `salary-bands.md` (same slug every time) with `text` and returns its path. */
function salaryBands(text: string): string {
  const file = path.join(filesDir, 'salary-bands.md')
  writeFileSync(file, `# Salary Bands\n\n## Bands\n\n${text}\n`)
  return file
}

const show = async () => {
  const run = await runCli(['documents', 'show', 'salary-bands', '--json'], env())
  return jsonLines(run.stdout)[0] as { groups: string[]; versions: unknown[] }
}

/** The access entries of the audit log of the CLI's embedded database (its daemon is still up). */
async function accessAudit() {
  const state = readServiceState(path.join(dataDir, 'pg.json'))
  const handle = createDb(`postgres://postgres:postgres@127.0.0.1:${state?.port}/postgres`)
  try {
    const { rows } = await listAuditLog(handle.db, { action: 'document.access', limit: 10, offset: 0 })
    return rows.reverse().map((r) => ({ actorId: r.actorId, details: r.details }))
  } finally {
    await handle.close()
  }
}

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pd-cli-access-'))
  filesDir = mkdtempSync(path.join(tmpdir(), 'pd-cli-files-'))
})
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(filesDir, { recursive: true, force: true })
})

describe('policydesk ingest never changes who may read an existing document unless told to', () => {
  it('refuses other groups, keeps groups by default, and replaces them only with --replace-groups', async () => {
    const created = await runCli(
      ['ingest', salaryBands('L4 is paid 70,000 to 82,000 EUR.'), '--group', 'hr', '--wait', '--json'],
      env(),
      180_000,
    )
    expect(created.code).toBe(0)
    expect(jsonLines(created.stdout)[0]).toMatchObject({
      status: 'ready',
      access: { newDocument: true, before: [], groups: ['hr'], pending: null },
    })

    // Same file name, other groups, no --replace-groups: refused, nothing stored.
    const refused = await runCli(
      ['ingest', salaryBands('L4 is paid 72,000 to 84,000 EUR.'), '--group', 'everyone', '--wait'],
      env(),
    )
    expect(refused.code).toBe(1)
    expect(refused.stdout).toContain(
      '"Salary Bands" (salary-bands) already exists and is readable by hr; the groups given are everyone. ' +
        'Its groups were not changed and no version was stored.',
    )
    expect(refused.stdout).toContain('--replace-groups')
    expect(await show()).toMatchObject({ groups: ['hr'], versions: [expect.anything()] })

    // No --group: a new version that keeps the document's groups, and the CLI says so.
    const kept = await runCli(['ingest', salaryBands('L4 is paid 72,000 to 84,000 EUR.'), '--wait'], env())
    expect(kept.code).toBe(0)
    expect(kept.stdout).toMatch(/✓ .*salary-bands\.md: ready, \d+ chunks; kept its access groups: hr/)
    expect((await show()).groups).toEqual(['hr'])

    const noGroups = await runCli(['ingest', salaryBands('x'), '--replace-groups'], env())
    expect(noGroups.code).toBe(1)
    expect(noGroups.stderr).toContain('--replace-groups needs the new groups: add --group <name>')

    // --replace-groups: widened with the new version (applied once it is ready), audited.
    const replaced = await runCli(
      [
        'ingest',
        salaryBands('Bands are public from 2026 on.'),
        '--group',
        'everyone',
        '--replace-groups',
        '--wait',
        '--json',
      ],
      env(),
    )
    expect(replaced.code).toBe(0)
    expect(jsonLines(replaced.stdout)[0]).toMatchObject({
      status: 'ready',
      access: { newDocument: false, before: ['hr'], groups: ['everyone'], pending: null },
    })
    expect((await show()).groups).toEqual(['everyone'])
    expect(await accessAudit()).toEqual([
      {
        actorId: null,
        details: {
          title: 'Salary Bands',
          before: ['hr'],
          after: ['hr'],
          via: 'cli',
          pending: ['everyone'],
          pendingVersionNo: 3,
        },
      },
      {
        actorId: null,
        details: { title: 'Salary Bands', before: ['hr'], after: ['everyone'], appliedWithVersionNo: 3 },
      },
    ])
  }, 300_000)
})
