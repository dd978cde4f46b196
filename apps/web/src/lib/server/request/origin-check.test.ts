import { describe, expect, it } from 'vitest'
import { checkRequestOrigin } from '@/lib/server/request/origin-check'

const own = ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']
const check = (method: string, origin: string | null, secFetchSite: string | null = null) =>
  checkRequestOrigin({ method, origin, secFetchSite }, own)

describe('checkRequestOrigin (the CSRF rule)', () => {
  it('lets safe methods through whatever their headers', () => {
    expect(check('GET', 'http://evil.example')).toEqual({ allowed: true, basis: 'safe-method' })
    expect(check('HEAD', null, 'cross-site').allowed).toBe(true)
    expect(check('OPTIONS', 'null').allowed).toBe(true)
  })

  it('allows a state-changing request whose Origin is one of ours', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'post']) {
      expect(check(method, 'http://localhost:3000')).toEqual({ allowed: true, basis: 'origin' })
    }
    expect(check('POST', 'http://127.0.0.1:3000', 'same-origin').allowed).toBe(true)
  })

  it('refuses any other Origin, whatever Sec-Fetch-Site claims', () => {
    const refused = check('POST', 'http://localhost:8081')
    expect(refused).toEqual({
      allowed: false,
      reason: 'the request comes from http://localhost:8081, not from this app',
    })
    // Another port on the same host is same-site (cookies flow) but not same-origin.
    expect(check('DELETE', 'http://localhost:3001').allowed).toBe(false)
    expect(check('POST', 'https://localhost:3000').allowed).toBe(false)
    expect(check('POST', 'http://evil.example', 'same-origin').allowed).toBe(false)
  })

  it('refuses opaque and malformed origins', () => {
    expect(check('POST', 'null').allowed).toBe(false)
    expect(check('POST', 'not a url').allowed).toBe(false)
    expect(check('POST', 'file:///etc/passwd').allowed).toBe(false)
  })

  it('without Origin, trusts Sec-Fetch-Site only when it says same-origin or none', () => {
    expect(check('POST', null, 'same-origin')).toEqual({ allowed: true, basis: 'sec-fetch-site' })
    expect(check('POST', null, 'none').allowed).toBe(true)
    expect(check('POST', null, 'same-site')).toEqual({
      allowed: false,
      reason: 'the browser reports a same-site request (Sec-Fetch-Site)',
    })
    expect(check('PUT', null, 'cross-site').allowed).toBe(false)
  })

  it('allows clients that send neither header (curl, the CLI): no browser, no forgery', () => {
    expect(check('POST', null, null)).toEqual({ allowed: true, basis: 'no-browser-headers' })
  })
})
