import { describe, expect, it } from 'vitest'
import {
  auditDateRange,
  auditSearchParamsSchema,
  documentSearchParamsSchema,
  firstValues,
  hrefWith,
  pageWindow,
  parseSearchParams,
} from '@/lib/shared/admin/search-params'

describe('documents query string', () => {
  it('treats empty form fields as no filter and applies defaults', () => {
    expect(documentSearchParamsSchema.parse({ q: '  ', status: '', group: '', page: '2' })).toEqual({
      state: 'active',
      sort: 'title',
      dir: 'asc',
      page: 2,
      pageSize: 25,
    })
  })

  it('rejects unknown values; pages fall back to the defaults and say why', () => {
    expect(documentSearchParamsSchema.safeParse({ status: 'done' }).success).toBe(false)
    expect(documentSearchParamsSchema.safeParse({ pageSize: '1000' }).success).toBe(false)
    const { params, problem } = parseSearchParams(documentSearchParamsSchema, { sort: 'size' })
    expect(params.sort).toBe('title')
    expect(problem).toMatch(/^sort: /)
  })

  it('takes the first of repeated parameters', () => {
    expect(firstValues({ q: ['a', 'b'], tag: 'x', none: undefined })).toEqual({ q: 'a', tag: 'x' })
    expect(firstValues(new URLSearchParams('q=a&q=b&page=3'))).toEqual({ q: 'a', page: '3' })
  })

  it('builds links that keep filters and drop defaults', () => {
    const current = { q: 'travel', status: undefined, sort: 'title', dir: 'asc', page: 2 }
    expect(hrefWith('/admin/documents', current, { page: 3 }, { sort: 'title', dir: 'asc', page: 1 })).toBe(
      '/admin/documents?q=travel&page=3',
    )
    expect(
      hrefWith(
        '/admin/documents',
        current,
        { q: undefined, page: 1 },
        { sort: 'title', dir: 'asc', page: 1 },
      ),
    ).toBe('/admin/documents')
  })
})

describe('pageWindow', () => {
  it('computes the shown range and clamps pages past the end', () => {
    expect(pageWindow(120, 2, 25)).toEqual({ page: 2, pageCount: 5, offset: 25, first: 26, last: 50 })
    expect(pageWindow(120, 9, 25)).toMatchObject({ page: 5, offset: 100, first: 101, last: 120 })
    expect(pageWindow(0, 1, 25)).toEqual({ page: 1, pageCount: 1, offset: 0, first: 0, last: 0 })
  })
})

describe('audit query string', () => {
  it('accepts whole-day UTC ranges, the end day included', () => {
    const params = auditSearchParamsSchema.parse({ from: '2026-01-01', to: '2026-01-31', actor: '' })
    expect(auditDateRange(params)).toEqual({
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2026-02-01T00:00:00Z'),
    })
    expect(auditSearchParamsSchema.safeParse({ from: '2026-02-01', to: '2026-01-01' }).success).toBe(false)
    expect(auditSearchParamsSchema.safeParse({ actor: 'not-a-uuid' }).success).toBe(false)
  })
})
