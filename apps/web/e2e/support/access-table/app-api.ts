import { all, HR, PROBE, type RouteCall, signedIn } from './statuses'

/** Sign-in, health, chat, conversations, original files and feedback: what every signed-in role uses. */
export const APP_API: Record<string, RouteCall[]> = {
  // ── sign-in ──
  'api/auth/callback/route.ts': [{ method: 'GET', path: () => '/api/auth/callback', status: all(303) }],
  'api/auth/dev-sign-in/route.ts': [
    {
      method: 'POST',
      path: () => '/api/auth/dev-sign-in',
      body: () => ({ email: 'not-an-email' }),
      status: all(400),
    },
  ],
  'api/auth/sign-in/route.ts': [{ method: 'GET', path: () => '/api/auth/sign-in', status: all(404) }],
  'api/auth/sign-out/route.ts': [
    { method: 'POST', path: () => '/api/auth/sign-out', status: all(204), ownSession: true },
  ],
  // The API's description: public, no data.
  'api/openapi.json/route.ts': [{ method: 'GET', path: () => '/api/openapi.json', status: all(200) }],
  'api/docs/route.ts': [{ method: 'GET', path: () => '/api/docs', status: all(200) }],
  'api/health/route.ts': [{ method: 'GET', path: () => '/api/health', status: all(200) }],
  'api/health/live/route.ts': [{ method: 'GET', path: () => '/api/health/live', status: all(200) }],
  'api/health/ready/route.ts': [{ method: 'GET', path: () => '/api/health/ready', status: all(200) }],
  'api/me/route.ts': [{ method: 'GET', path: () => '/api/me', status: signedIn(200) }],
  // Without the confirmation body nothing is deleted: a 400 for every signed-in role.
  'api/me/history/route.ts': [
    { method: 'DELETE', path: () => '/api/me/history', body: () => ({}), status: signedIn(400) },
  ],
  // Tokens are managed with a session only. The POST is invalid (no scopes): nothing is created.
  'api/me/tokens/route.ts': [
    { method: 'GET', path: () => '/api/me/tokens', status: signedIn(200) },
    {
      method: 'POST',
      path: () => '/api/me/tokens',
      body: () => ({ name: 'x', scopes: [] }),
      status: signedIn(400),
    },
  ],
  'api/me/tokens/[id]/route.ts': [
    { method: 'DELETE', path: (s) => `/api/me/tokens/${s.ids.unknown}`, status: signedIn(404) },
  ],
  // Retrieval without an answer: the hr passage for the hr member only.
  'api/search/route.ts': [
    {
      method: 'GET',
      path: () => `/api/search?q=${encodeURIComponent(PROBE)}`,
      status: signedIn(200),
      mayShow: HR,
      mustShow: HR,
    },
  ],
  // MCP (Streamable HTTP, JSON-RPC): search_policies with the probe; the hr passage for the hr member only.
  'api/mcp/route.ts': [
    {
      method: 'POST',
      path: () => '/api/mcp',
      headers: { Accept: 'application/json, text/event-stream' },
      body: () => ({
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'search_policies', arguments: { query: PROBE, k: 20 } },
      }),
      status: signedIn(200),
      mayShow: HR,
      mustShow: HR,
    },
  ],
  // A session is not a metrics token: every role gets 401 (docs/operations.md, "Metrics").
  'metrics/route.ts': [{ method: 'GET', path: () => '/metrics', status: all(401) }],

  // ── chat ──
  'api/chat/route.ts': [
    // Streamed (SSE): the whole stream is read and checked.
    {
      method: 'POST',
      path: () => '/api/chat',
      body: () => ({ message: PROBE }),
      status: signedIn(200),
      mayShow: HR,
      mustShow: HR,
    },
  ],
  'api/conversations/route.ts': [
    { method: 'GET', path: () => '/api/conversations', status: signedIn(200), mayShow: HR },
    { method: 'POST', path: () => '/api/conversations', body: () => ({ title: '' }), status: signedIn(400) },
  ],
  'api/conversations/[id]/route.ts': [
    {
      method: 'PATCH',
      path: (s) => `/api/conversations/${s.ids.hrConversation}`,
      // The owner gets an invalid title (no rename); anyone else a valid one, refused as not theirs.
      body: (_s, role) => ({ title: role === 'hr' ? '' : 'Mine now' }),
      status: signedIn(404, { hr: 400 }),
    },
    {
      method: 'DELETE',
      path: (s, role) => `/api/conversations/${role === 'hr' ? s.ids.unknown : s.ids.hrConversation}`,
      status: signedIn(404),
    },
  ],
  'api/conversations/[id]/messages/route.ts': [
    {
      method: 'GET',
      path: (s) => `/api/conversations/${s.ids.hrConversation}/messages`,
      status: signedIn(404, { hr: 200 }),
      mayShow: HR,
      mustShow: HR,
    },
  ],
  'api/documents/[id]/original/route.ts': [
    // Reading, not reviewing: admins outside hr get the same 404 as everyone else.
    {
      method: 'GET',
      path: (s) => `/api/documents/${s.ids.hrDocument}/original`,
      status: signedIn(404, { hr: 200 }),
      mayShow: HR,
      mustShow: HR,
    },
  ],
  'api/documents/[id]/text/route.ts': [
    // The chat's document view: the same rule and the same 404 as the original file.
    {
      method: 'GET',
      path: (s) => `/api/documents/${s.ids.hrDocument}/text`,
      status: signedIn(404, { hr: 200 }),
      mayShow: HR,
      mustShow: HR,
    },
    {
      method: 'GET',
      label: 'a named version',
      path: (s) => `/api/documents/${s.ids.hrDocument}/text?version=${s.ids.hrVersion}`,
      status: signedIn(404, { hr: 200 }),
      mayShow: HR,
      mustShow: HR,
    },
  ],
  'api/feedback/route.ts': [
    {
      method: 'POST',
      path: () => '/api/feedback',
      body: (s) => ({ traceId: s.ids.hrTrace, rating: 'down', comment: 'L3 band?' }),
      status: signedIn(404, { hr: 200 }),
    },
  ],

  // ── handoffs ("Ask a person") ── unknown ids: nothing is created or changed, every signed-in role
  // gets past the role check to the handoff rule (404: not theirs, or no such handoff).
  'api/handoffs/route.ts': [
    { method: 'GET', path: () => '/api/handoffs', status: signedIn(200) },
    {
      method: 'POST',
      path: () => '/api/handoffs',
      body: (s) => ({ traceId: s.ids.unknown }),
      status: signedIn(404),
    },
  ],
  'api/handoffs/[id]/route.ts': [
    { method: 'GET', path: (s) => `/api/handoffs/${s.ids.unknown}`, status: signedIn(404) },
    {
      method: 'PATCH',
      path: (s) => `/api/handoffs/${s.ids.unknown}`,
      body: () => ({ status: 'closed' }),
      status: signedIn(404),
    },
  ],
  'api/handoffs/[id]/reply/route.ts': [
    {
      method: 'POST',
      path: (s) => `/api/handoffs/${s.ids.unknown}/reply`,
      body: () => ({ text: 'A reply' }),
      status: signedIn(404),
    },
  ],
  'api/handoffs/[id]/promote/route.ts': [
    {
      method: 'POST',
      path: (s) => `/api/handoffs/${s.ids.unknown}/promote`,
      body: (s) => ({ replyId: s.ids.unknown }),
      status: signedIn(404),
    },
  ],
}
