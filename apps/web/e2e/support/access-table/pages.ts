import { ADMIN, adminPage, HR, type RouteCall, reviewPage, signedIn } from './statuses'

/** Pages (`page.tsx`). */
export const PAGES: Record<string, RouteCall[]> = {
  '(chat)/page.tsx': [
    { method: 'GET', path: () => '/', status: signedIn(200, { anonymous: 307 }), mayShow: HR },
    {
      method: 'GET',
      label: 'the hr member’s conversation',
      path: (s) => `/?c=${s.ids.hrConversation}`,
      status: signedIn(200, { anonymous: 307 }),
      mayShow: HR,
      mustShow: HR,
    },
  ],
  // The handoffs inbox: members of a group holding the `handoffs` permission (hr) and admins.
  'handoffs/page.tsx': [
    {
      method: 'GET',
      path: () => '/handoffs',
      status: { anonymous: 307, employee: 403, analyst: 403, hr: 200, admin: 200 },
    },
  ],
  'handoffs/[id]/page.tsx': [
    {
      method: 'GET',
      path: (s) => `/handoffs/${s.ids.unknown}`,
      status: { anonymous: 307, employee: 403, analyst: 403, hr: 404, admin: 404 },
    },
  ],
  'settings/tokens/page.tsx': [
    { method: 'GET', path: () => '/settings/tokens', status: signedIn(200, { anonymous: 307 }) },
  ],
  'sign-in/page.tsx': [{ method: 'GET', path: () => '/sign-in', status: signedIn(307, { anonymous: 200 }) }],
  // The redirect to /admin/documents happens inside the streamed page: the layout has already answered 200.
  'admin/page.tsx': [{ method: 'GET', path: () => '/admin', status: adminPage(200) }],
  'admin/audit/page.tsx': [
    { method: 'GET', path: () => '/admin/audit', status: adminPage(), mayShow: ADMIN },
  ],
  'admin/documents/page.tsx': [
    {
      method: 'GET',
      path: () => '/admin/documents?q=Compensation',
      status: adminPage(),
      mayShow: ADMIN,
      mustShow: ADMIN,
    },
  ],
  'admin/documents/[id]/page.tsx': [
    {
      method: 'GET',
      path: (s) => `/admin/documents/${s.ids.hrDocument}`,
      status: adminPage(),
      mayShow: ADMIN,
      mustShow: ADMIN,
    },
  ],
  'admin/documents/upload/page.tsx': [
    { method: 'GET', path: () => '/admin/documents/upload', status: adminPage() },
  ],
  'admin/playground/page.tsx': [{ method: 'GET', path: () => '/admin/playground', status: adminPage() }],
  'admin/users/page.tsx': [{ method: 'GET', path: () => '/admin/users', status: adminPage() }],
  'admin/system/page.tsx': [{ method: 'GET', path: () => '/admin/system', status: adminPage() }],
  'review/(log)/page.tsx': [
    {
      method: 'GET',
      path: (s) => `/review?q=${s.runId}`,
      status: reviewPage(),
      mayShow: ADMIN,
      mustShow: ADMIN,
    },
  ],
  'review/answers/[id]/page.tsx': [
    {
      method: 'GET',
      label: 'the hr answer',
      path: (s) => `/review/answers/${s.ids.hrTrace}`,
      status: reviewPage(404, 200),
      mayShow: ADMIN,
      mustShow: ADMIN,
    },
    {
      method: 'GET',
      label: 'a visible answer after the hidden turn',
      path: (s) => `/review/answers/${s.ids.visibleTrace}`,
      status: reviewPage(),
      mayShow: ADMIN,
      mustShow: ADMIN,
    },
  ],
  'review/curated/page.tsx': [
    { method: 'GET', path: () => '/review/curated', status: reviewPage(), mayShow: ADMIN, mustShow: ADMIN },
  ],
  'review/dashboard/page.tsx': [
    { method: 'GET', path: () => '/review/dashboard', status: reviewPage(), mayShow: ADMIN },
  ],
  'review/datasets/page.tsx': [
    { method: 'GET', path: () => '/review/datasets', status: reviewPage(), mayShow: ADMIN },
  ],
  'review/queue/page.tsx': [
    { method: 'GET', path: () => '/review/queue', status: reviewPage(), mayShow: ADMIN },
  ],
}
