import { randomBytes } from 'node:crypto'
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { UserFacingError } from './errors'

/** iron-session (and any HMAC key worth the name) needs at least this much secret. */
export const MIN_SECRET_BYTES = 32

/**
 * Values shipped in example configuration (`.env.example`, `infra/k8s/secret.example.yaml`): long enough to
 * pass a length check, and public. session-secret.test.ts reads both files so this list cannot drift.
 */
export const EXAMPLE_SECRET_PLACEHOLDERS: readonly string[] = [
  'replace-me-with-the-output-of-openssl-rand-base64-32',
  'change-me-to-at-least-32-random-characters',
]

/** Why a configured session secret must not be used, or null when it is fine. */
export function sessionSecretProblem(secret: string): string | null {
  const generate = 'Generate one with `openssl rand -base64 32`.'
  if (EXAMPLE_SECRET_PLACEHOLDERS.includes(secret.trim())) {
    return `AUTH_SECRET is the placeholder from the example configuration, which anyone can read. ${generate}`
  }
  const bytes = Buffer.byteLength(secret, 'utf8')
  if (bytes < MIN_SECRET_BYTES) {
    return `AUTH_SECRET is ${bytes} bytes long; it needs at least ${MIN_SECRET_BYTES}. ${generate}`
  }
  return null
}

export const SESSION_SECRET_FILE = 'session-secret'

/**
 * The dev-mode session secret: generated once per data dir and kept in `<dir>/session-secret` (mode 0600),
 * so sessions survive restarts without anyone configuring a secret, and no secret lives in the source.
 * The file appears atomically (written aside, then hard-linked into place), so two processes starting at
 * once agree on one secret.
 */
export function readOrCreateSessionSecret(dir: string): string {
  const file = path.join(dir, SESSION_SECRET_FILE)
  mkdirSync(dir, { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, randomBytes(MIN_SECRET_BYTES).toString('base64url'), { mode: 0o600 })
  try {
    linkSync(tmp, file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  } finally {
    unlinkSync(tmp)
  }
  // Whoever can read the file can forge any session: keep it the owner's only.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600)
  const secret = readFileSync(file, 'utf8').trim()
  if (Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES) {
    throw new UserFacingError(
      `${file} holds a secret shorter than ${MIN_SECRET_BYTES} bytes; delete it to get a new one.`,
    )
  }
  return secret
}
