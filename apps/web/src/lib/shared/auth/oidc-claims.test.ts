import { describe, expect, it } from 'vitest'
import { identityFromClaims, readGroupsClaim } from '@/lib/shared/auth/oidc-claims'
import { safeReturnTo } from '@/lib/shared/auth/return-to'

const mapping = {
  groupsClaim: 'groups',
  adminGroups: ['pd-admins'],
  analystGroups: ['pd-analysts'],
  requireVerifiedEmail: true,
}
const base = { iss: 'https://idp.example.com', sub: '1', email: 'a@x.io', email_verified: true }
const identity = (claims: Record<string, unknown>, options = mapping) => {
  const result = identityFromClaims(claims, options)
  return result.ok ? result.identity : result.error
}

describe('identityFromClaims', () => {
  it('maps role markers to a role and keeps the other values as document groups', () => {
    expect(
      identity({ ...base, email: 'Ana@Example.com', name: 'Ana', groups: ['hr', 'pd-analysts', 'finance'] }),
    ).toEqual({
      issuer: 'https://idp.example.com',
      subject: '1',
      email: 'ana@example.com',
      emailVerified: true,
      name: 'Ana',
      role: 'analyst',
      groups: ['finance', 'hr'],
    })
  })

  it('lets admin win over analyst, and defaults to employee', () => {
    expect(identity({ ...base, groups: ['pd-analysts', 'pd-admins'] })).toMatchObject({ role: 'admin' })
    expect(identity(base)).toMatchObject({ role: 'employee', groups: [] })
  })

  it('refuses identities without issuer and subject, or without an e-mail', () => {
    expect(identity({ ...base, sub: undefined })).toBe(
      'Your identity provider did not identify you (iss, sub).',
    )
    expect(identity({ ...base, iss: '' })).toBe('Your identity provider did not identify you (iss, sub).')
    expect(identity({ ...base, email: undefined })).toBe(
      'Your identity provider did not send a usable e-mail address.',
    )
    expect(identity({ ...base, email: 'not-an-address' })).toMatch(/usable e-mail/)
  })

  it('requires email_verified when configured (the default); a false one is refused either way', () => {
    const unverified = /has not verified your e-mail address \(email_verified\)/
    expect(identity({ ...base, email_verified: undefined })).toMatch(unverified)
    expect(identity({ ...base, email_verified: false })).toMatch(unverified)
    expect(identity({ ...base, email_verified: 'true' })).toMatchObject({ emailVerified: true })
    const lenient = { ...mapping, requireVerifiedEmail: false }
    expect(identity({ ...base, email_verified: undefined }, lenient)).toMatchObject({
      emailVerified: undefined,
    })
    expect(identity({ ...base, email_verified: 'false' }, lenient)).toMatch(unverified)
  })
})

describe('readGroupsClaim', () => {
  it('reads arrays, separated strings and nested claims', () => {
    expect(readGroupsClaim({ groups: 'hr, it' }, 'groups')).toEqual(['hr', 'it'])
    expect(readGroupsClaim({ realm_access: { roles: ['hr', 'hr', 3] } }, 'realm_access.roles')).toEqual([
      'hr',
    ])
    expect(readGroupsClaim({}, 'groups')).toEqual([])
  })
})

describe('safeReturnTo', () => {
  it('allows same-site paths only', () => {
    expect(safeReturnTo('/?c=1')).toBe('/?c=1')
    expect(safeReturnTo('https://evil.example')).toBe('/')
    expect(safeReturnTo('//evil.example')).toBe('/')
    expect(safeReturnTo('/\\evil.example')).toBe('/')
    expect(safeReturnTo(undefined)).toBe('/')
  })
})
