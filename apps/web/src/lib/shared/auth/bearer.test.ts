import { describe, expect, it } from 'vitest'
import { bearerSecret, isCookielessBearerRequest } from '@/lib/shared/auth/bearer'

const headers = (entries: Record<string, string>) => new Headers(entries)

describe('bearerSecret', () => {
  it('reads a Bearer token, any case of the scheme', () => {
    expect(bearerSecret('Bearer pd_abc')).toBe('pd_abc')
    expect(bearerSecret('bearer   pd_abc ')).toBe('pd_abc')
  })
  it('ignores other schemes and empty values', () => {
    for (const value of [null, '', 'Basic dXNlcjpwdw==', 'Bearer', 'Bearer a b', 'pd_abc'])
      expect(bearerSecret(value), String(value)).toBeNull()
  })
})

describe('isCookielessBearerRequest', () => {
  it('is true only for a bearer token without any cookie', () => {
    expect(isCookielessBearerRequest(headers({ authorization: 'Bearer pd_x' }))).toBe(true)
    expect(
      isCookielessBearerRequest(headers({ authorization: 'Bearer pd_x', cookie: 'policydesk_session=1' })),
    ).toBe(false)
    expect(isCookielessBearerRequest(headers({ cookie: 'policydesk_session=1' }))).toBe(false)
    expect(isCookielessBearerRequest(headers({}))).toBe(false)
  })
})
