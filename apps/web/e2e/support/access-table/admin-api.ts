import { ADMIN, admins, PROBE, type RouteCall } from './statuses'

/** The admin console's API and the upload endpoint. */
export const ADMIN_API: Record<string, RouteCall[]> = {
  'api/admin/system/route.ts': [
    { method: 'GET', path: () => '/api/admin/system', status: admins(200), mayShow: ADMIN },
  ],
  // Retrying a handoff webhook: an unknown delivery, so nothing is sent.
  'api/admin/system/webhooks/[id]/retry/route.ts': [
    {
      method: 'POST',
      path: (s) => `/api/admin/system/webhooks/${s.ids.unknown}/retry`,
      status: admins(404),
    },
  ],
  // Service tokens: the POST names an unknown account, so nothing is created.
  'api/admin/tokens/route.ts': [
    { method: 'GET', path: () => '/api/admin/tokens', status: admins(200) },
    {
      method: 'POST',
      path: () => '/api/admin/tokens',
      body: (s) => ({ userId: s.ids.unknown, name: 'bot', scopes: ['search'] }),
      status: admins(404),
    },
  ],
  'api/admin/tokens/[id]/route.ts': [
    { method: 'DELETE', path: (s) => `/api/admin/tokens/${s.ids.unknown}`, status: admins(404) },
  ],
  'api/admin/audit/route.ts': [
    { method: 'GET', path: () => '/api/admin/audit', status: admins(200), mayShow: ADMIN },
  ],
  'api/admin/documents/route.ts': [
    {
      method: 'GET',
      path: () => '/api/admin/documents?q=Compensation',
      status: admins(200),
      mayShow: ADMIN,
      mustShow: ADMIN,
    },
  ],
  'api/admin/documents/[id]/route.ts': [
    {
      method: 'GET',
      path: (s) => `/api/admin/documents/${s.ids.hrDocument}`,
      status: admins(200),
      mayShow: ADMIN,
    },
    { method: 'DELETE', path: (s) => `/api/admin/documents/${s.ids.unknown}`, status: admins(404) },
  ],
  'api/admin/documents/[id]/access/route.ts': [
    {
      method: 'PUT',
      path: (s) => `/api/admin/documents/${s.ids.hrDocument}/access`,
      body: () => ({ groups: [] }),
      status: admins(400),
    },
  ],
  // Whom a document applies to: an invalid country code is refused after the role check.
  'api/admin/documents/[id]/applicability/route.ts': [
    {
      method: 'PUT',
      path: (s) => `/api/admin/documents/${s.ids.hrDocument}/applicability`,
      body: () => ({ countries: ['Portugal'] }),
      status: admins(400),
    },
  ],
  'api/admin/documents/[id]/applicability/suggestion/route.ts': [
    {
      method: 'DELETE',
      path: (s) => `/api/admin/documents/${s.ids.unknown}/applicability/suggestion`,
      status: admins(404),
    },
  ],
  // Who answers handoffs about a document: an unknown document, so nothing changes.
  'api/admin/documents/[id]/owner/route.ts': [
    {
      method: 'PUT',
      path: (s) => `/api/admin/documents/${s.ids.unknown}/owner`,
      body: () => ({ groupId: null }),
      status: admins(404),
    },
  ],
  'api/admin/documents/[id]/purge/route.ts': [
    { method: 'POST', path: (s) => `/api/admin/documents/${s.ids.unknown}/purge`, status: admins(404) },
  ],
  'api/admin/documents/[id]/versions/[versionId]/chunks/route.ts': [
    {
      method: 'GET',
      path: (s) => `/api/admin/documents/${s.ids.hrDocument}/versions/${s.ids.hrVersion}/chunks`,
      status: admins(200),
      mayShow: ADMIN,
      mustShow: ADMIN,
    },
  ],
  'api/admin/documents/[id]/versions/[versionId]/original/route.ts': [
    {
      method: 'GET',
      path: (s) => `/api/admin/documents/${s.ids.hrDocument}/versions/${s.ids.hrVersion}/original`,
      status: admins(200),
      mayShow: ADMIN,
      mustShow: ADMIN,
    },
  ],
  'api/admin/documents/[id]/versions/[versionId]/retry/route.ts': [
    {
      method: 'POST',
      path: (s) => `/api/admin/documents/${s.ids.unknown}/versions/${s.ids.unknown}/retry`,
      status: admins(404),
    },
  ],
  'api/admin/groups/route.ts': [
    { method: 'GET', path: () => '/api/admin/groups', status: admins(200) },
    { method: 'POST', path: () => '/api/admin/groups', body: () => ({ name: '' }), status: admins(400) },
  ],
  'api/admin/groups/[id]/route.ts': [
    {
      method: 'PATCH',
      path: (s) => `/api/admin/groups/${s.ids.hrGroup}`,
      body: () => ({ name: '' }),
      status: admins(400),
    },
  ],
  // Granting the handoffs permission: an invalid permission, so hr keeps what it has.
  'api/admin/groups/[id]/permissions/route.ts': [
    {
      method: 'PUT',
      path: (s) => `/api/admin/groups/${s.ids.hrGroup}/permissions`,
      body: () => ({ permissions: ['everything'] }),
      status: admins(400),
    },
  ],
  'api/admin/playground/route.ts': [
    {
      method: 'POST',
      path: () => '/api/admin/playground',
      body: (s) => ({ question: PROBE, reader: { kind: 'user', userId: s.ids.employeeUser } }),
      status: admins(200),
      mayShow: ADMIN,
    },
  ],
  'api/admin/users/route.ts': [{ method: 'GET', path: () => '/api/admin/users', status: admins(200) }],
  'api/admin/users/[id]/route.ts': [
    {
      method: 'PATCH',
      path: (s) => `/api/admin/users/${s.ids.employeeUser}`,
      body: () => ({ role: 'owner' }),
      status: admins(400),
    },
    {
      method: 'PATCH',
      label: 'profile',
      path: (s) => `/api/admin/users/${s.ids.employeeUser}`,
      body: () => ({ attributes: { country: 'Portugal' } }),
      status: admins(400),
    },
  ],
  // Not CSV: refused after the role check, before anything is read.
  'api/admin/users/attributes-import/route.ts': [
    {
      method: 'POST',
      path: () => '/api/admin/users/attributes-import',
      body: () => ({}),
      status: admins(415),
    },
  ],
  'api/admin/users/[id]/groups/route.ts': [
    {
      method: 'POST',
      path: (s) => `/api/admin/users/${s.ids.employeeUser}/groups`,
      body: () => ({ groupId: 'hr' }),
      status: admins(400),
    },
  ],
  'api/admin/users/[id]/groups/[groupId]/route.ts': [
    {
      method: 'DELETE',
      path: (s) => `/api/admin/users/${s.ids.unknown}/groups/${s.ids.unknown}`,
      status: admins(404),
    },
  ],
  'api/admin/versions/status/route.ts': [
    { method: 'GET', path: (s) => `/api/admin/versions/status?ids=${s.ids.hrVersion}`, status: admins(200) },
  ],
  'api/documents/route.ts': [
    // Not multipart: refused after the role check, before anything is read.
    { method: 'POST', path: () => '/api/documents', body: () => ({}), status: admins(415) },
  ],
}
