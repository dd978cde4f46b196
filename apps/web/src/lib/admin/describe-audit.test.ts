import { describe, expect, it } from 'vitest'
import { auditTargetHref, describeAuditEntry } from './describe-audit'

describe('describeAuditEntry', () => {
  it('describes entries for people and links document targets', () => {
    const access = {
      action: 'document.access',
      targetType: 'document',
      targetId: 'd1',
      details: { title: 'Travel', before: ['everyone'], after: ['hr'] },
    }
    expect(describeAuditEntry(access)).toBe('Changed who may read “Travel”: everyone → hr')
    expect(auditTargetHref(access)).toBe('/admin/documents/d1')
    expect(
      describeAuditEntry({
        action: 'user.role',
        targetType: 'user',
        targetId: 'u1',
        details: { email: 'a@example.com', before: 'analyst', after: 'admin' },
      }),
    ).toBe('Changed the role of a@example.com: analyst → admin')
    const retry = {
      action: 'document.retry',
      targetType: 'document_version',
      targetId: 'v1',
      details: { title: 'T', versionNo: 2, documentId: 'd9' },
    }
    expect(auditTargetHref(retry)).toBe('/admin/documents/d9')
    expect(
      describeAuditEntry({
        action: 'review.save',
        targetType: 'review',
        targetId: '12345678-aaaa',
        details: {},
      }),
    ).toBe('review 12345678')
  })
})
