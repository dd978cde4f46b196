import { describe, expect, it } from 'vitest'
import { labelText, parseLabelList } from '@/lib/shared/review/labels'

describe('review labels', () => {
  it('parses the configured list: trimmed, lower-case, unique, slugs only', () => {
    expect(parseLabelList('wrong-source, Missing Doc,,tone,tone,<script>')).toEqual([
      'wrong-source',
      'missing-doc',
      'tone',
    ])
  })

  it('shows slugs as words', () => {
    expect(labelText('missing-doc')).toBe('Missing doc')
  })
})
