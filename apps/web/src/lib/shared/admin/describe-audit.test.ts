import { describe, expect, it } from 'vitest'
import { auditTargetHref, describeAuditEntry } from '@/lib/shared/admin/describe-audit'

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
  it('describes API token creation and revocation', () => {
    const token = { targetType: 'api_token', targetId: 't1' }
    expect(
      describeAuditEntry({
        ...token,
        action: 'token.create',
        details: { name: 'slack bot', kind: 'service', scopes: ['search', 'chat'], days: 30 },
      }),
    ).toBe('Created the service API token “slack bot” (search, chat, 30 days)')
    expect(describeAuditEntry({ ...token, action: 'token.revoke', details: { name: 'slack bot' } })).toBe(
      'Revoked the API token “slack bot”',
    )
  })

  it('says when a replace widens access only once its version is ready', () => {
    const entry = (details: Record<string, unknown>) =>
      describeAuditEntry({ action: 'document.access', targetType: 'document', targetId: 'd1', details })
    expect(
      entry({
        title: 'Pay',
        before: ['hr'],
        after: [],
        pending: ['finance'],
        pendingVersionNo: 3,
        via: 'cli',
      }),
    ).toBe('Changed who may read “Pay”: hr → nobody (command line); finance once version 3 is ready')
    expect(
      entry({
        title: 'Pay',
        before: ['hr'],
        after: ['hr'],
        pending: ['everyone'],
        pendingVersionNo: 2,
        via: 'web',
      }),
    ).toBe('Asked that “Pay” be readable by everyone once version 2 is ready')
    expect(entry({ title: 'Pay', before: [], after: ['finance'], appliedWithVersionNo: 3 })).toBe(
      'Changed who may read “Pay”: nobody → finance with version 3',
    )
  })
})
