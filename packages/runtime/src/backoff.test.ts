import { describe, expect, it } from 'vitest'
import { backoffDelay, RestartBackoff } from './backoff'

const policy = { initialMs: 100, maxMs: 1_000, resetAfterMs: 5_000 }

describe('restart backoff', () => {
  it('doubles the delay after each consecutive failure, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy))).toEqual([100, 200, 400, 800, 1000, 1000])
    expect(backoffDelay(10_000, policy)).toBe(1000)
  })

  it('starts over after a run that lasted long enough to count as healthy', () => {
    const backoff = new RestartBackoff(policy)
    expect([backoff.failed(10), backoff.failed(10), backoff.failed(10)]).toEqual([100, 200, 400])
    expect(backoff.failed(6_000)).toBe(100)
    expect(backoff.count).toBe(1)
  })
})
