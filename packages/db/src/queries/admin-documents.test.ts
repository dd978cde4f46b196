import { PgDialect } from 'drizzle-orm/pg-core'
import { describe, expect, it } from 'vitest'
import { documentSearchConditions, documentSortOrder, latestVersions, likePattern } from './admin-documents'
import { auditConditions } from './audit'

const dialect = new PgDialect({ casing: 'snake_case' })
const latest = latestVersions()
const render = (search: Parameters<typeof documentSearchConditions>[0]) => {
  const where = documentSearchConditions(search, latest)
  return where ? dialect.sqlToQuery(where) : null
}

describe('documents table query builder', () => {
  it('hides deleted documents by default and shows only them on request', () => {
    expect(render({})?.sql).toBe('"documents"."deleted_at" is null')
    expect(render({ state: 'deleted' })?.sql).toBe('"documents"."deleted_at" is not null')
    expect(render({ state: 'all' })).toBeNull()
  })

  it('searches title and file name case-insensitively, as bound parameters', () => {
    const query = render({ query: '  Travel ', state: 'all' })
    expect(query?.sql).toBe('("documents"."title" ilike $1 or "documents"."source_name" ilike $2)')
    expect(query?.params).toEqual(['%Travel%', '%Travel%'])
  })

  it('treats % and _ typed by the admin as literal characters', () => {
    expect(likePattern('50%_off')).toBe('%50\\%\\_off%')
    expect(likePattern('a\\b')).toBe('%a\\\\b%')
  })

  it('combines status, tag and group filters with AND, never interpolating values', () => {
    const query = render({ status: 'failed', tag: "x'); drop table documents; --", group: 'hr' })
    expect(query?.sql).toContain('"latest"."status" = $1')
    expect(query?.sql).toContain('"documents"."tags" @> array[$2]::text[]')
    expect(query?.sql).toContain('g.name = $3')
    expect(query?.sql.split(' and ').length).toBeGreaterThanOrEqual(4)
    expect(query?.params).toEqual(['failed', "x'); drop table documents; --", 'hr'])
  })

  it('sorts by the chosen column with nulls last and a stable tie-breaker', () => {
    const order = documentSortOrder('uploaded', 'desc', latest).map((part) => dialect.sqlToQuery(part).sql)
    expect(order).toEqual(['"latest"."created_at" desc nulls last', '"documents"."id" asc'])
    const title = documentSortOrder('title', 'asc', latest).map((part) => dialect.sqlToQuery(part).sql)
    expect(title[0]).toBe('lower("documents"."title") asc nulls last')
  })
})

describe('audit log query builder', () => {
  it('filters by action, actor and a half-open date range', () => {
    const where = auditConditions({
      action: 'document.upload',
      actorId: '00000000-0000-0000-0000-000000000001',
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2026-01-02T00:00:00Z'),
    })
    const query = where ? dialect.sqlToQuery(where) : null
    expect(query?.sql).toBe(
      '("audit_log"."action" = $1 and "audit_log"."actor_id" = $2 and "audit_log"."created_at" >= $3 and "audit_log"."created_at" < $4)',
    )
    expect(auditConditions({})).toBeUndefined()
  })
})
