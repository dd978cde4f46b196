import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { grantsAnyScope, scopesForRole } from './scopes'
import { displayPrefix, generateTokenSecret, hashTokenSecret, isWellFormedTokenSecret } from './secret'

describe('token secrets', () => {
  it('are pd_ + 43 base64url characters, different every time', () => {
    const secrets = Array.from({ length: 50 }, generateTokenSecret)
    for (const secret of secrets) expect(secret).toMatch(/^pd_[A-Za-z0-9_-]{43}$/)
    expect(new Set(secrets).size).toBe(50)
  })

  it('are stored as their hex SHA-256, never as themselves', () => {
    const secret = generateTokenSecret()
    const hash = hashTokenSecret(secret)
    expect(hash).toBe(createHash('sha256').update(secret).digest('hex'))
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hash).not.toContain(secret.slice(3, 12))
  })

  it('recognises well-formed secrets only', () => {
    expect(isWellFormedTokenSecret(generateTokenSecret())).toBe(true)
    for (const bad of [
      '',
      'pd_',
      'pd_short',
      `xx_${'a'.repeat(43)}`,
      `pd_${'a'.repeat(44)}`,
      `pd_${'+'.repeat(43)}`,
    ])
      expect(isWellFormedTokenSecret(bad), bad).toBe(false)
  })

  it('shows only a short prefix', () => {
    expect(displayPrefix('pd_abcdefghijklmnop')).toBe('pd_abcdef')
  })
})

describe('scopes', () => {
  it('offers each role only the scopes it can use', () => {
    expect(scopesForRole('employee')).toEqual(['chat', 'search'])
    expect(scopesForRole('analyst')).toEqual(['chat', 'search', 'review:read'])
    expect(scopesForRole('admin')).toEqual(['chat', 'search', 'documents:write', 'review:read'])
  })

  it('grants a route when the token holds one of the scopes it accepts', () => {
    expect(grantsAnyScope(['chat'], ['chat', 'search'])).toBe(true)
    expect(grantsAnyScope(['search'], ['chat'])).toBe(false)
    expect(grantsAnyScope([], ['chat'])).toBe(false)
  })
})
