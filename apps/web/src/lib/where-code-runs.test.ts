import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * `src/lib` is split by where code runs: `server` (database, secrets, request handling), `client` (browser
 * APIs, hooks) and `shared` (pure: formats, schemas, parsers). Browser code must never pull server modules into
 * the bundle, and shared code must run in both places.
 */
const SRC = path.resolve(import.meta.dirname, '..')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : []
  })
}

/** Runtime imports of `@/lib/<tier>/…` (type-only imports vanish at build time and are allowed). */
function runtimeTiersImported(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const tiers: string[] = []
  for (const match of text.matchAll(
    /^import\s+(type\s+)?([^'"]*?)\s*from\s+'@\/lib\/(server|client|shared)\//gm,
  )) {
    const typeOnly = Boolean(match[1]) || /^\{\s*(type\s+[\w$]+\s*,?\s*)+\}$/.test(match[2]?.trim() ?? '')
    if (!typeOnly && match[3]) tiers.push(match[3])
  }
  return tiers
}

const rel = (file: string) => path.relative(SRC, file)
const isClientFile = (file: string) => /^['"]use client['"]/m.test(readFileSync(file, 'utf8'))

describe('src/lib by where code runs', () => {
  it('has only the three tiers at its top level', () => {
    expect(readdirSync(path.join(SRC, 'lib')).filter((n) => !n.endsWith('.test.ts'))).toEqual([
      'client',
      'server',
      'shared',
    ])
  })

  it('keeps server modules out of browser code', () => {
    const offenders = sourceFiles(SRC)
      .filter((f) => isClientFile(f) || rel(f).startsWith('lib/client/'))
      .filter((f) => runtimeTiersImported(f).includes('server'))
      .map(rel)
    expect(offenders).toEqual([])
  })

  it('keeps shared modules free of server and browser modules', () => {
    const offenders = sourceFiles(path.join(SRC, 'lib/shared'))
      .filter((f) => runtimeTiersImported(f).some((tier) => tier !== 'shared'))
      .map(rel)
    expect(offenders).toEqual([])
  })

  it('calls the API from the browser through the one client (chat streaming aside)', () => {
    const ALLOWED = new Set(['lib/client/api-client.ts', 'lib/client/chat/chat-client.ts'])
    const offenders = sourceFiles(SRC)
      .filter((f) => isClientFile(f) || rel(f).startsWith('lib/client/'))
      .filter((f) => /\bfetch\(/.test(readFileSync(f, 'utf8')) && !ALLOWED.has(rel(f)))
      .map(rel)
    expect(offenders).toEqual([])
  })
})
