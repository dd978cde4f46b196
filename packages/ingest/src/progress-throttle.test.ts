import { describe, expect, it } from 'vitest'
import { throttled } from './progress-throttle'

describe('throttled progress', () => {
  it('writes the first report, then at most one per interval', async () => {
    let clock = 0
    const written: number[] = []
    const report = throttled(
      async (n: number) => {
        written.push(n)
      },
      1000,
      () => clock,
    )
    expect(await report(5)).toBe(true)
    clock = 400
    expect(await report(25)).toBe(false)
    clock = 999
    expect(await report(35)).toBe(false)
    clock = 1000
    expect(await report(60)).toBe(true)
    clock = 1500
    expect(await report(85)).toBe(false)
    // A forced report (a stage worth showing) goes out and restarts the interval.
    expect(await report(90, true)).toBe(true)
    clock = 2400
    expect(await report(95)).toBe(false)
    expect(written).toEqual([5, 60, 90])
  })

  it('writes every report with a zero interval', async () => {
    const written: number[] = []
    const report = throttled(async (n: number) => {
      written.push(n)
    }, 0)
    for (const n of [1, 2, 3]) await report(n)
    expect(written).toEqual([1, 2, 3])
  })
})
