import { describe, expect, it } from 'vitest'
import { formatAge, formatBytes } from '@/lib/shared/format'

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
    expect([-1, 4.4, 89, 150, 7200, 200_000].map(formatAge)).toEqual([
      '0 s ago',
      '4 s ago',
      '89 s ago',
      '3 min ago',
      '2 h ago',
      '2 d ago',
    ])
  })
})
