import { createHash, randomBytes } from 'node:crypto'

/**
 * Token secrets: `pd_` + 43 base64url characters (32 random bytes, 256 bits). The prefix makes a leaked
 * token recognisable (secret scanners, logs); the entropy makes guessing hopeless, so a plain SHA-256 —
 * not a slow password hash — is enough to keep the stored form useless to someone who reads the table.
 */
export const TOKEN_PREFIX = 'pd_'
const SECRET_BYTES = 32
const SECRET_PATTERN = /^pd_[A-Za-z0-9_-]{43}$/
/** How much of the secret lists show: enough to tell tokens apart, far too little to use. */
const DISPLAY_LENGTH = TOKEN_PREFIX.length + 6

export function generateTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(SECRET_BYTES).toString('base64url')}`
}

export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

export const isWellFormedTokenSecret = (value: string) => SECRET_PATTERN.test(value)

export const displayPrefix = (secret: string) => secret.slice(0, DISPLAY_LENGTH)
