import { describe, expect, it } from 'vitest'
import { BYTES_PER_UNIT, planIndexForLoad } from './bulk-load'

const plan = (bytes: number, existingRows: number, mode: 'auto' | 'live' | 'deferred' = 'auto') =>
  planIndexForLoad({ mode, bytes, existingRows, minUnits: 1000 })

describe('planIndexForLoad', () => {
  it('keeps the index live for small loads, whatever is stored already', () => {
    expect(plan(100 * BYTES_PER_UNIT, 0).defer).toBe(false)
  })

  it('defers a big first import, and a load big compared with what is stored', () => {
    expect(plan(5000 * BYTES_PER_UNIT, 0)).toMatchObject({ defer: true, estimatedUnits: 5000 })
    expect(plan(5000 * BYTES_PER_UNIT, 10_000).defer).toBe(true)
  })

  it('keeps it live when the load is small next to the indexed corpus (a rebuild would cost more)', () => {
    const result = plan(5000 * BYTES_PER_UNIT, 100_000)
    expect(result.defer).toBe(false)
    expect(result.reason).toContain('cheaper to keep the index live')
  })

  it('obeys an explicit mode and a threshold of 0 (never automatically)', () => {
    expect(plan(10, 0, 'deferred').defer).toBe(true)
    expect(plan(10_000_000, 0, 'live').defer).toBe(false)
    expect(planIndexForLoad({ mode: 'auto', bytes: 10_000_000, existingRows: 0, minUnits: 0 }).defer).toBe(
      false,
    )
  })
})
