import { reviewRequestSchema } from '@/app/api/review/answers/[id]/review/schema'
import { logQuerySchema } from '@/app/api/review/answers/schema'
import { curatedActionSchema } from '@/app/api/review/curated/[id]/schema'
import { curatedListSchema } from '@/app/api/review/curated/schema'
import { dashboardQuerySchema } from '@/app/api/review/dashboard/schema'
import { datasetDownloadSchema } from '@/app/api/review/datasets/[id]/download/schema'
import { datasetExportSchema } from '@/app/api/review/datasets/schema'
import { exportQuerySchema } from '@/app/api/review/export/schema'
import { queueQuerySchema } from '@/app/api/review/queue/schema'
import type { Operation } from '@/lib/server/openapi/types'

const read = { access: 'reviewers', tokens: ['review:read'], tag: 'review' } as const
const write = { access: 'reviewers', tag: 'review' } as const
const ok = (description: string) => ({ status: 200, description })

/** The review area: analysts and admins (answers an analyst may not see are excluded, docs/security.md). */
export const REVIEW_OPERATIONS: Operation[] = [
  {
    ...read,
    method: 'GET',
    path: '/api/review/answers',
    summary: 'The answers log, filtered, 50 per page',
    query: logQuerySchema,
    response: ok('Rows, total and page tokens'),
  },
  {
    ...read,
    method: 'GET',
    path: '/api/review/answers/{id}',
    summary: 'One answer with its whole trace',
    response: ok('The answer detail'),
  },
  {
    ...write,
    method: 'PUT',
    path: '/api/review/answers/{id}/review',
    summary: 'Save the review of an answer',
    body: reviewRequestSchema,
    response: ok('The review and the correction’s validation'),
  },
  {
    ...write,
    method: 'POST',
    path: '/api/review/answers/{id}/promote',
    summary: 'Promote a reviewed answer to a curated answer',
    response: { status: 201, description: 'The curated answer id' },
  },
  {
    ...read,
    method: 'GET',
    path: '/api/review/export',
    summary: 'The filtered log as CSV or JSONL',
    query: exportQuerySchema,
    response: { status: 200, description: 'A download', contentType: 'text/csv' },
  },
  {
    ...read,
    method: 'GET',
    path: '/api/review/queue',
    summary: 'The next unreviewed answer',
    query: queueQuerySchema,
    response: ok('The item, counts per bucket'),
  },
  {
    ...read,
    method: 'GET',
    path: '/api/review/curated',
    summary: 'Curated answers',
    query: curatedListSchema,
    response: ok('Curated answers'),
  },
  {
    ...write,
    method: 'POST',
    path: '/api/review/curated/{id}',
    summary: 'Retire or re-approve a curated answer',
    body: curatedActionSchema,
    response: ok('The new status'),
  },
  {
    ...read,
    method: 'GET',
    path: '/api/review/dashboard',
    summary: 'Totals, per-day series and coverage gaps',
    query: dashboardQuerySchema,
    response: ok('Dashboard data'),
  },
  {
    ...read,
    method: 'GET',
    path: '/api/review/feedback',
    summary: 'The latest ratings',
    response: ok('Feedback rows'),
  },
  {
    ...read,
    method: 'GET',
    path: '/api/review/datasets',
    summary: 'Fine-tuning datasets, jobs and models',
    response: ok('Datasets'),
  },
  {
    ...write,
    method: 'POST',
    path: '/api/review/datasets',
    summary: 'Export a fine-tuning dataset as the caller',
    body: datasetExportSchema,
    response: { status: 201, description: 'The dataset id, name and stats' },
  },
  {
    ...read,
    method: 'GET',
    path: '/api/review/datasets/{id}/download',
    summary: 'A dataset’s JSONL',
    query: datasetDownloadSchema,
    response: { status: 200, description: 'JSONL', contentType: 'application/jsonl' },
  },
]
