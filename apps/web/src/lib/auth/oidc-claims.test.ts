import { describe, expect, it } from 'vitest'
import { identityFromClaims, readGroupsClaim } from './oidc-claims'
import { safeReturnTo } from './return-to'

const mapping = { groupsClaim: 'groups', adminGroups: ['pd-admins'], analystGroups: ['pd-analysts'] }

describe('identityFromClaims', () => {
  it('maps role markers to a role and keeps the other values as document groups', () => {
    expect(
      identityFromClaims(
        { sub: '1', email: 'Ana@Example.com', name: 'Ana', groups: ['hr', 'pd-analysts', 'finance'] },
        mapping,
      ),
    ).toEqual({ email: 'ana@example.com', name: 'Ana', role: 'analyst', groups: ['finance', 'hr'] })
  })

  it('lets admin win over analyst, and defaults to employee', () => {
    expect(
      identityFromClaims({ sub: '1', email: 'a@x.io', groups: ['pd-analysts', 'pd-admins'] }, mapping)?.role,
    ).toBe('admin')
    expect(identityFromClaims({ sub: '1', email: 'a@x.io' }, mapping)).toMatchObject({
      role: 'employee',
      groups: [],
    })
  })

  it('refuses identities without a (verified) email', () => {
    expect(identityFromClaims({ sub: '1' }, mapping)).toBeNull()
    expect(identityFromClaims({ sub: '1', email: 'a@x.io', email_verified: false }, mapping)).toBeNull()
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
