import { apiAs, expect, test } from './fixtures'
import { listApiRoutes } from './support/api-routes'

const ID = '00000000-0000-4000-8000-000000000000'
type Probe = { method: string; path: string; data?: unknown; headers?: Record<string, string> }

/**
 * A representative malformed value for each route that takes input, sent as an admin (who may call every
 * route): each must be a 400 with a message, never a 500. Keyed by route so the list below is checked
 * against the route files: a new route must be added here (or to NO_INPUT).
 */
const PROBES: Record<string, Probe[]> = {
  '/api/me/history': [
    { method: 'DELETE', path: '/api/me/history', data: {} },
    { method: 'DELETE', path: '/api/me/history', data: { confirm: 'yes' } },
  ],
  '/api/me/tokens': [
    { method: 'POST', path: '/api/me/tokens', data: { name: 'x', scopes: ['everything'] } },
    { method: 'POST', path: '/api/me/tokens', data: { name: '', scopes: ['chat'], expiresInDays: 9999 } },
  ],
  '/api/me/tokens/[id]': [{ method: 'DELETE', path: '/api/me/tokens/pd_123' }],
  '/api/admin/tokens': [
    { method: 'POST', path: '/api/admin/tokens', data: { userId: 'bot', name: 'bot', scopes: ['search'] } },
  ],
  '/api/admin/tokens/[id]': [{ method: 'DELETE', path: '/api/admin/tokens/42' }],
  '/api/mcp': [
    {
      method: 'POST',
      path: '/api/mcp',
      data: { jsonrpc: '1.0', method: 'tools/list', id: 1 },
      headers: { Accept: 'application/json, text/event-stream' },
    },
  ],
  '/api/search': [
    { method: 'GET', path: '/api/search?q=' },
    { method: 'GET', path: '/api/search?q=leave&k=500' },
  ],
  '/api/admin/audit': [
    { method: 'GET', path: '/api/admin/audit?from=2026-13-01' },
    { method: 'GET', path: '/api/admin/audit?actor=someone' },
  ],
  '/api/admin/documents': [{ method: 'GET', path: '/api/admin/documents?page=abc&sort=size' }],
  '/api/admin/documents/[id]': [
    { method: 'GET', path: '/api/admin/documents/42' },
    { method: 'DELETE', path: '/api/admin/documents/42' },
  ],
  '/api/admin/documents/[id]/access': [
    { method: 'PUT', path: '/api/admin/documents/42/access', data: { groups: ['hr'] } },
    { method: 'PUT', path: `/api/admin/documents/${ID}/access`, data: { groups: ['HR Team'] } },
  ],
  '/api/admin/documents/[id]/purge': [{ method: 'POST', path: '/api/admin/documents/42/purge' }],
  '/api/admin/documents/[id]/versions/[versionId]/chunks': [
    { method: 'GET', path: `/api/admin/documents/${ID}/versions/v1/chunks` },
    { method: 'GET', path: `/api/admin/documents/${ID}/versions/${ID}/chunks?page=-1` },
  ],
  '/api/admin/documents/[id]/versions/[versionId]/original': [
    { method: 'GET', path: `/api/admin/documents/${ID}/versions/latest/original` },
  ],
  '/api/admin/documents/[id]/versions/[versionId]/retry': [
    { method: 'POST', path: `/api/admin/documents/x/versions/${ID}/retry` },
  ],
  '/api/admin/groups': [{ method: 'POST', path: '/api/admin/groups', data: { name: 'Not A Slug' } }],
  '/api/admin/groups/[id]': [{ method: 'PATCH', path: '/api/admin/groups/hr', data: { name: 'hr' } }],
  '/api/admin/groups/[id]/permissions': [
    { method: 'PUT', path: `/api/admin/groups/${ID}/permissions`, data: { permissions: ['everything'] } },
    { method: 'PUT', path: '/api/admin/groups/hr/permissions', data: { permissions: [] } },
  ],
  '/api/admin/documents/[id]/owner': [
    { method: 'PUT', path: `/api/admin/documents/${ID}/owner`, data: { groupId: 'hr' } },
    { method: 'PUT', path: `/api/admin/documents/${ID}/owner`, data: {} },
  ],
  '/api/admin/system/webhooks/[id]/retry': [{ method: 'POST', path: '/api/admin/system/webhooks/42/retry' }],
  '/api/admin/playground': [
    {
      method: 'POST',
      path: '/api/admin/playground',
      data: { question: 'x', reader: { kind: 'user', userId: 'me' } },
    },
  ],
  '/api/admin/users/[id]': [
    { method: 'PATCH', path: `/api/admin/users/${ID}`, data: { role: 'root' } },
    { method: 'PATCH', path: `/api/admin/users/${ID}`, data: { attributes: { startDate: '2026-02-30' } } },
    { method: 'PATCH', path: `/api/admin/users/${ID}`, data: {} },
  ],
  '/api/admin/users/attributes-import': [
    {
      method: 'POST',
      path: '/api/admin/users/attributes-import',
      data: 'email,country\nemployee@example.com,Portugal\n',
      headers: { 'Content-Type': 'text/csv' },
    },
  ],
  '/api/admin/documents/[id]/applicability': [
    { method: 'PUT', path: '/api/admin/documents/42/applicability', data: {} },
    { method: 'PUT', path: `/api/admin/documents/${ID}/applicability`, data: { countries: ['Portugal'] } },
    { method: 'PUT', path: `/api/admin/documents/${ID}/applicability`, data: { planets: ['Mars'] } },
  ],
  '/api/admin/documents/[id]/applicability/suggestion': [
    { method: 'DELETE', path: '/api/admin/documents/42/applicability/suggestion' },
  ],
  '/api/admin/users/[id]/groups': [
    { method: 'POST', path: `/api/admin/users/${ID}/groups`, data: { groupId: 'hr' } },
  ],
  '/api/admin/users/[id]/groups/[groupId]': [{ method: 'DELETE', path: `/api/admin/users/${ID}/groups/hr` }],
  '/api/admin/versions/status': [{ method: 'GET', path: '/api/admin/versions/status?ids=1,2' }],
  '/api/auth/dev-sign-in': [
    { method: 'POST', path: '/api/auth/dev-sign-in', data: { email: 'not-an-email' } },
    {
      method: 'POST',
      path: '/api/auth/dev-sign-in',
      data: 'email=',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    },
  ],
  '/api/chat': [
    { method: 'POST', path: '/api/chat', data: { message: 'hi', conversationId: 'c1' } },
    {
      method: 'POST',
      path: '/api/chat',
      data: '{"message":',
      headers: { 'Content-Type': 'application/json' },
    },
  ],
  '/api/conversations': [{ method: 'POST', path: '/api/conversations', data: { title: '   ' } }],
  '/api/conversations/[id]': [
    { method: 'PATCH', path: '/api/conversations/c1', data: { title: 'x' } },
    { method: 'DELETE', path: '/api/conversations/c1' },
  ],
  '/api/conversations/[id]/messages': [{ method: 'GET', path: '/api/conversations/c1/messages' }],
  '/api/documents': [
    {
      method: 'POST',
      path: '/api/documents',
      data: '--B\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nunterminated',
      headers: { 'Content-Type': 'multipart/form-data; boundary=B' },
    },
  ],
  '/api/documents/[id]/original': [
    { method: 'GET', path: '/api/documents/readme/original' },
    { method: 'GET', path: `/api/documents/${ID}/original?version=2` },
  ],
  '/api/documents/[id]/text': [
    { method: 'GET', path: '/api/documents/readme/text' },
    { method: 'GET', path: `/api/documents/${ID}/text?version=2` },
  ],
  '/api/feedback': [{ method: 'POST', path: '/api/feedback', data: { traceId: ID, rating: 'meh' } }],
  '/api/handoffs': [
    { method: 'POST', path: '/api/handoffs', data: { traceId: ID, conversationId: ID } },
    { method: 'POST', path: '/api/handoffs', data: { traceId: 'trace-1', note: 'x'.repeat(3000) } },
    { method: 'GET', path: '/api/handoffs?status=pending' },
    { method: 'GET', path: '/api/handoffs?cursor=not-a-cursor' },
  ],
  '/api/handoffs/[id]': [
    { method: 'GET', path: '/api/handoffs/42' },
    { method: 'PATCH', path: `/api/handoffs/${ID}`, data: { status: 'answered' } },
    { method: 'PATCH', path: `/api/handoffs/${ID}`, data: {} },
  ],
  '/api/handoffs/[id]/reply': [
    { method: 'POST', path: `/api/handoffs/${ID}/reply`, data: { text: '' } },
    {
      method: 'POST',
      path: `/api/handoffs/${ID}/reply`,
      data: { text: 'ok', citations: [{ chunkId: 'c1' }] },
    },
  ],
  '/api/handoffs/[id]/promote': [
    { method: 'POST', path: `/api/handoffs/${ID}/promote`, data: { replyId: 1 } },
    { method: 'POST', path: `/api/handoffs/${ID}/promote`, data: { replyId: ID, scope: 'nobody' } },
  ],
  '/api/review/answers': [
    { method: 'GET', path: '/api/review/answers?from=2026-13-01' },
    { method: 'GET', path: '/api/review/answers?to=2026-02-30' },
    { method: 'GET', path: '/api/review/answers?cursor=bm90LWEtY3Vyc29y' },
    { method: 'GET', path: '/api/review/answers?doc=readme' },
  ],
  '/api/review/answers/[id]': [{ method: 'GET', path: '/api/review/answers/123' }],
  '/api/review/answers/[id]/promote': [{ method: 'POST', path: '/api/review/answers/123/promote' }],
  '/api/review/answers/[id]/review': [
    { method: 'PUT', path: `/api/review/answers/${ID}/review`, data: { verdict: 'corrected' } },
  ],
  '/api/review/curated': [{ method: 'GET', path: '/api/review/curated?status=gone' }],
  '/api/review/curated/[id]': [
    { method: 'POST', path: '/api/review/curated/abc', data: { action: 'retire' } },
  ],
  '/api/review/dashboard': [{ method: 'GET', path: '/api/review/dashboard?range=toString' }],
  '/api/review/datasets': [
    { method: 'POST', path: '/api/review/datasets', data: { since: '2026-13-01', validationShare: 2 } },
  ],
  '/api/review/datasets/[id]/download': [
    { method: 'GET', path: '/api/review/datasets/latest/download' },
    { method: 'GET', path: `/api/review/datasets/${ID}/download?part=test` },
  ],
  '/api/review/export': [{ method: 'GET', path: '/api/review/export?from=2026-13-01' }],
  '/api/review/queue': [
    { method: 'GET', path: '/api/review/queue?after=bm90LWEtcG9zaXRpb24' },
    { method: 'GET', path: '/api/review/queue?direction=sideways' },
  ],
}

/** Routes without parameters, query or body to get wrong. */
const NO_INPUT = [
  '/api/admin/users',
  '/api/auth/callback',
  '/api/auth/sign-in',
  '/api/auth/sign-out',
  '/api/admin/system',
  '/api/health',
  '/api/health/live',
  '/api/health/ready',
  '/api/me',
  '/api/openapi.json',
  '/api/docs',
  '/api/review/feedback',
]

test('every route that takes input is probed here', () => {
  const routes = listApiRoutes().map((r) => r.pattern)
  expect(routes.filter((r) => !(r in PROBES) && !NO_INPUT.includes(r))).toEqual([])
  expect(Object.keys(PROBES).filter((r) => !routes.includes(r))).toEqual([])
})

test('malformed parameters, ids, dates, cursors and bodies are 400s with a message, never 500s', async ({
  playwright,
  baseURL,
}) => {
  const admin = await apiAs(playwright, baseURL, 'admin')
  const failures: string[] = []
  for (const probes of Object.values(PROBES)) {
    for (const probe of probes) {
      const response = await admin.fetch(probe.path, {
        method: probe.method,
        headers: probe.headers,
        data: probe.data as string | object | undefined,
      })
      const body = (await response.json().catch(() => ({}))) as { error?: unknown }
      if (response.status() !== 400 || typeof body.error !== 'string' || body.error.length < 10) {
        failures.push(`${probe.method} ${probe.path} → ${response.status()} ${JSON.stringify(body)}`)
      }
    }
  }
  expect(failures).toEqual([])
  await admin.dispose()
})
