import { describe, expect, it } from 'vitest'
import { ageOf, formatBytes } from '@/lib/shared/format'

describe('system page formats', () => {
  it('formats byte counts in binary units', () => {
    expect([0, 512, 1536, 24_536_678, 1_288_490_189].map(formatBytes)).toEqual([
      '0 B',
      '512 B',
      '1.5 KB',
      '23.4 MB',
      '1.2 GB',
    ])
  })

  it('formats ages coarsely enough to read at a glance', () => {
    expect([-1, 4.4, 89, 150, 7200, 200_000].map(ageOf)).toEqual([
      { n: 0, unit: 's' },
      { n: 4, unit: 's' },
      { n: 89, unit: 's' },
      { n: 3, unit: 'min' },
      { n: 2, unit: 'h' },
      { n: 2, unit: 'd' },
    ])
  })
})
