import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { findProjectRoot } from './paths'
import {
  EXAMPLE_SECRET_PLACEHOLDERS,
  readOrCreateSessionSecret,
  SESSION_SECRET_FILE,
  sessionSecretProblem,
} from './session-secret'

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'pd-secret-'))

describe('sessionSecretProblem', () => {
  it('accepts 32 bytes or more', () => {
    expect(sessionSecretProblem('x'.repeat(32))).toBeNull()
    // 11 three-byte characters are 33 bytes: bytes count, not characters.
    expect(sessionSecretProblem('€'.repeat(11))).toBeNull()
  })
  it('refuses shorter secrets, saying how long they are', () => {
    expect(sessionSecretProblem('short')).toMatch(/5 bytes long; it needs at least 32/)
    expect(sessionSecretProblem('€'.repeat(10))).toMatch(/30 bytes long/)
  })
  it('refuses every placeholder of the example configuration, whatever its length', () => {
    for (const placeholder of EXAMPLE_SECRET_PLACEHOLDERS) {
      expect(placeholder.length).toBeGreaterThanOrEqual(32)
      expect(sessionSecretProblem(placeholder)).toMatch(/placeholder/)
    }
  })
  it('knows the placeholders the example files really ship', () => {
    const root = findProjectRoot(import.meta.dirname)
    const envExample = readFileSync(path.join(root, '.env.example'), 'utf8')
    const k8sExample = readFileSync(path.join(root, 'infra/k8s/secret.example.yaml'), 'utf8')
    const fromEnv = /^#?\s*AUTH_SECRET=(\S+)/m.exec(envExample)?.[1]
    const fromK8s = /^\s*AUTH_SECRET:\s*(\S+)/m.exec(k8sExample)?.[1]
    expect(fromEnv).toBeDefined()
    expect(fromK8s).toBeDefined()
    expect(sessionSecretProblem(fromEnv ?? '')).toMatch(/placeholder/)
    expect(sessionSecretProblem(fromK8s ?? '')).toMatch(/placeholder/)
  })
})

describe('readOrCreateSessionSecret', () => {
  it('generates a secret once per data dir, owner-only, and keeps it', () => {
    const dir = tempDir()
    const first = readOrCreateSessionSecret(dir)
    expect(Buffer.byteLength(first)).toBeGreaterThanOrEqual(32)
    const file = path.join(dir, SESSION_SECRET_FILE)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readOrCreateSessionSecret(dir)).toBe(first)
    expect(readOrCreateSessionSecret(tempDir())).not.toBe(first)
  })

  it('tightens a file others could read, and refuses a truncated one', () => {
    const dir = tempDir()
    const file = path.join(dir, SESSION_SECRET_FILE)
    writeFileSync(file, 'k'.repeat(40), { mode: 0o644 })
    expect(readOrCreateSessionSecret(dir)).toBe('k'.repeat(40))
    expect(statSync(file).mode & 0o777).toBe(0o600)
    writeFileSync(file, 'short')
    expect(() => readOrCreateSessionSecret(dir)).toThrow(/shorter than 32 bytes; delete it/)
  })

  it('gives processes that start at the same moment the same secret', async () => {
    const dir = tempDir()
    const run = promisify(execFile)
    const script = `const { readOrCreateSessionSecret } = await import(${JSON.stringify(path.join(import.meta.dirname, 'session-secret.ts'))}); process.stdout.write(readOrCreateSessionSecret(${JSON.stringify(dir)}))`
    const outputs = await Promise.all(
      Array.from({ length: 4 }, () => run(process.execPath, ['--import', 'tsx', '-e', script])),
    )
    expect(new Set(outputs.map((o) => o.stdout)).size).toBe(1)
    expect(outputs[0]?.stdout).toBe(readFileSync(path.join(dir, SESSION_SECRET_FILE), 'utf8'))
  }, 30_000)
})
