import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * "Who may read which document" has one home: packages/db/src/access. This test reads every TypeScript
 * source of the repository and fails when a file elsewhere names the table that holds the rule
 * (document_groups, or its drizzle name) — a query that spells the rule out by hand instead of composing
 * the access module. Exceptions are listed with their reason; a listed file that no longer names the
 * table fails too, so the list cannot rot.
 */

const ROOT = path.resolve(import.meta.dirname, '../../../..')
const HOME = 'packages/db/src/access/'
const NAMES_THE_TABLE = /\bdocument_groups\b|\bdocumentGroups\b/

const ALLOWED: Record<string, string> = {
  'packages/db/src/schema/documents.ts': 'defines the table',
  'packages/db/src/testing/index.ts': 'empties every table between integration tests',
  'apps/cli/src/bench/retrieval-bench.ts':
    'bulk-loads a synthetic 100k-chunk corpus with raw inserts (a seed)',
}

/** Tests set the rule up and probe it; they are not queries. */
const isTest = (file: string) => /\.(int\.)?test\.tsx?$|\.spec\.tsx?$/.test(file) || file.includes('/e2e/')

const SKIPPED_DIRS = new Set(['node_modules', '.next', '.git', '.turbo', 'dist', '.data', 'test-results'])

function typescriptSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : typescriptSources(full)
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : []
  })
}

const sources = typescriptSources(ROOT).map((full) => path.relative(ROOT, full).split(path.sep).join('/'))
const naming = new Set(
  sources.filter((file) => NAMES_THE_TABLE.test(readFileSync(path.join(ROOT, file), 'utf8'))),
)

describe('the access rule has one home', () => {
  it('finds the sources it scans (the walk is not silently empty)', () => {
    expect(sources).toContain('packages/db/src/access/documents.ts')
    expect(sources).toContain('apps/web/src/app/api/review/export/route.ts')
    expect(naming).toContain('packages/db/src/access/documents.ts')
  })

  it('no source outside packages/db/src/access names document_groups', () => {
    const outside = [...naming].filter(
      (file) => !file.startsWith(HOME) && !isTest(file) && !(file in ALLOWED),
    )
    expect(outside, 'compose packages/db/src/access instead of writing the rule by hand').toEqual([])
  })

  it('every exception is still needed', () => {
    const stale = Object.keys(ALLOWED).filter((file) => !naming.has(file))
    expect(stale, 'remove these from ALLOWED').toEqual([])
  })
})
