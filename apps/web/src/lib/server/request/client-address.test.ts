import { describe, expect, it } from 'vitest'
import { clientAddress } from '@/lib/server/request/client-address'

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { 'x-forwarded-for': xff })

describe('clientAddress', () => {
  it('takes the entry the nearest trusted hop appended', () => {
    // No proxy: Next.js wrote the socket address.
    expect(clientAddress(headers('127.0.0.1'), 1)).toBe('127.0.0.1')
    // One proxy appended the address it saw; what the client wrote before it is ignored.
    expect(clientAddress(headers('6.6.6.6, 203.0.113.9'), 1)).toBe('203.0.113.9')
    // Load balancer + ingress: two trusted hops.
    expect(clientAddress(headers('6.6.6.6, 203.0.113.9, 10.0.0.2'), 2)).toBe('203.0.113.9')
  })

  it('never fails: fewer entries than hops use the leftmost, none is "unknown"', () => {
    expect(clientAddress(headers('203.0.113.9'), 3)).toBe('203.0.113.9')
    expect(clientAddress(headers(), 1)).toBe('unknown')
    expect(clientAddress(headers(' , '), 1)).toBe('unknown')
  })
})
