import { ADMIN, type RouteCall, reviewers } from './statuses'

/** The review area's API (analysts and admins). */
export const REVIEW_API: Record<string, RouteCall[]> = {
  'api/review/answers/route.ts': [
    {
      method: 'GET',
      path: (s) => `/api/review/answers?q=${s.runId}`,
      status: reviewers(200),
      mayShow: ADMIN,
      mustShow: ADMIN,
    },
  ],
  'api/review/answers/[id]/route.ts': [
    {
      method: 'GET',
      label: 'the hr answer',
      path: (s) => `/api/review/answers/${s.ids.hrTrace}`,
      status: reviewers(404, 200),
      mayShow: ADMIN,
      mustShow: ADMIN,
    },
    {
      method: 'GET',
      label: 'a visible answer after the hidden turn',
      path: (s) => `/api/review/answers/${s.ids.visibleTrace}`,
      status: reviewers(200),
      mayShow: ADMIN,
      mustShow: ADMIN,
    },
  ],
  'api/review/answers/[id]/review/route.ts': [
    {
      method: 'PUT',
      path: (s) => `/api/review/answers/${s.ids.hrTrace}/review`,
      // A valid review for the analyst (refused: hidden), an invalid one for the admin (no overwrite).
      body: (_s, role) => (role === 'admin' ? { verdict: 'nope' } : { verdict: 'approved', labels: [] }),
      status: reviewers(404, 400),
    },
  ],
  'api/review/answers/[id]/promote/route.ts': [
    {
      method: 'POST',
      path: (s, role) => `/api/review/answers/${role === 'admin' ? s.ids.unknown : s.ids.hrTrace}/promote`,
      status: reviewers(404),
    },
  ],
  'api/review/curated/route.ts': [
    {
      method: 'GET',
      path: () => '/api/review/curated',
      status: reviewers(200),
      mayShow: ADMIN,
      mustShow: ADMIN,
    },
  ],
  'api/review/curated/[id]/route.ts': [
    {
      method: 'POST',
      path: (s) => `/api/review/curated/${s.ids.curated}`,
      body: (_s, role) => ({ action: role === 'admin' ? 'nope' : 'retire' }),
      status: reviewers(404, 400),
    },
  ],
  'api/review/dashboard/route.ts': [
    { method: 'GET', path: () => '/api/review/dashboard?range=7d', status: reviewers(200), mayShow: ADMIN },
  ],
  'api/review/datasets/route.ts': [
    { method: 'GET', path: () => '/api/review/datasets', status: reviewers(200), mayShow: ADMIN },
    {
      method: 'POST',
      path: () => '/api/review/datasets',
      body: () => ({ verdicts: [] }),
      status: reviewers(400),
    },
  ],
  'api/review/datasets/[id]/download/route.ts': [
    {
      method: 'GET',
      path: (s) => `/api/review/datasets/${s.ids.dataset}/download?part=all`,
      status: reviewers(404, 200),
      mayShow: ADMIN,
      mustShow: ADMIN,
    },
  ],
  'api/review/export/route.ts': [
    {
      method: 'GET',
      label: 'JSONL',
      path: (s) => `/api/review/export?format=jsonl&q=${s.runId}`,
      status: reviewers(200),
      mayShow: ADMIN,
      mustShow: ADMIN,
    },
    {
      method: 'GET',
      label: 'CSV',
      path: (s) => `/api/review/export?format=csv&q=${s.runId}`,
      status: reviewers(200),
      mayShow: ADMIN,
      mustShow: ADMIN,
    },
    {
      method: 'GET',
      label: 'JSONL of visible answers (redacted candidates)',
      path: () => '/api/review/export?format=jsonl&q=PeopleHub',
      status: reviewers(200),
      mayShow: ADMIN,
    },
  ],
  'api/review/feedback/route.ts': [
    {
      method: 'GET',
      path: () => '/api/review/feedback',
      status: reviewers(200),
      mayShow: ADMIN,
      mustShow: ADMIN,
    },
  ],
  'api/review/queue/route.ts': [{ method: 'GET', path: () => '/api/review/queue', status: reviewers(200) }],
}
