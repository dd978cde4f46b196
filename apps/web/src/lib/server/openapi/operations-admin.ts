import { auditSearchParamsSchema } from '@/app/api/admin/audit/schema'
import { accessSchema } from '@/app/api/admin/documents/[id]/access/schema'
import { applicabilityBodySchema } from '@/app/api/admin/documents/[id]/applicability/schema'
import { documentOwnerSchema } from '@/app/api/admin/documents/[id]/owner/schema'
import { querySchema as chunksQuery } from '@/app/api/admin/documents/[id]/versions/[versionId]/chunks/schema'
import { documentSearchParamsSchema } from '@/app/api/admin/documents/schema'
import { groupPermissionsSchema } from '@/app/api/admin/groups/[id]/permissions/schema'
import { groupRenameSchema } from '@/app/api/admin/groups/[id]/schema'
import { groupCreateSchema } from '@/app/api/admin/groups/schema'
import { playgroundRequestSchema } from '@/app/api/admin/playground/schema'
import { createServiceTokenSchema } from '@/app/api/admin/tokens/schema'
import { membershipSchema } from '@/app/api/admin/users/[id]/groups/schema'
import { userChangeSchema } from '@/app/api/admin/users/[id]/schema'
import { versionStatusQuerySchema } from '@/app/api/admin/versions/status/schema'
import { createdTokenSchema, tokenListSchema } from '@/app/api/me/tokens/schema'
import type { Operation } from '@/lib/server/openapi/types'

const admin = { access: 'admins', tag: 'admin' } as const
const ok = (description: string) => ({ status: 200, description })
const noContent = { status: 204, description: 'Done' }
const doc = '/api/admin/documents/{id}'
const version = `${doc}/versions/{versionId}`

/** The admin console's API. Every change is audited. */
export const ADMIN_OPERATIONS: Operation[] = [
  {
    ...admin,
    method: 'GET',
    path: '/api/admin/documents',
    summary: 'Documents, filtered, sorted and paged',
    query: documentSearchParamsSchema,
    response: ok('A page of documents'),
  },
  {
    ...admin,
    method: 'GET',
    path: doc,
    summary: 'A document and its versions',
    response: ok('Document and versions'),
  },
  { ...admin, method: 'DELETE', path: doc, summary: 'Soft-delete a document', response: noContent },
  {
    ...admin,
    method: 'PUT',
    path: `${doc}/access`,
    summary: 'Replace who may read a document',
    body: accessSchema,
    response: ok('Groups and whether they changed'),
  },
  {
    ...admin,
    method: 'PUT',
    path: `${doc}/applicability`,
    summary: 'Set whom a document applies to',
    description:
      '`{countries?, locations?, employmentTypes?, departments?}`; `{}` = everyone. Askers whose profile ' +
      'differs on a restricted dimension no longer retrieve it; bumps the corpus revision.',
    body: applicabilityBodySchema,
    response: ok('The applicability and whether it changed'),
  },
  {
    ...admin,
    method: 'DELETE',
    path: `${doc}/applicability/suggestion`,
    summary: 'Dismiss the applicability suggested from the text',
    response: noContent,
  },
  {
    ...admin,
    method: 'POST',
    path: `${doc}/purge`,
    summary: 'Destroy every version’s file, chunks and embeddings',
    response: noContent,
  },
  {
    ...admin,
    method: 'GET',
    path: `${version}/chunks`,
    summary: 'A version’s chunks in order',
    query: chunksQuery,
    response: ok('A page of chunks'),
  },
  {
    ...admin,
    method: 'GET',
    path: `${version}/original`,
    summary: 'Any version’s uploaded bytes',
    response: { status: 200, description: 'The file', contentType: 'application/octet-stream' },
  },
  {
    ...admin,
    method: 'POST',
    path: `${version}/retry`,
    summary: 'Queue a failed version again',
    response: { status: 202, description: 'Queued' },
  },
  {
    ...admin,
    method: 'GET',
    path: '/api/admin/versions/status',
    summary: 'Processing progress of versions',
    tokens: ['documents:write'],
    query: versionStatusQuerySchema,
    response: ok('Version statuses'),
  },
  {
    ...admin,
    method: 'POST',
    path: '/api/admin/playground',
    summary: 'Retrieval and answer as a given reader',
    body: playgroundRequestSchema,
    response: ok('Passages, answer, excluded titles, timings'),
  },
  {
    ...admin,
    method: 'GET',
    path: '/api/admin/users',
    summary: 'Users with their groups',
    response: ok('Users'),
  },
  {
    ...admin,
    method: 'PATCH',
    path: '/api/admin/users/{id}',
    summary: 'Change a user’s role and/or profile',
    description:
      '`attributes` (country ISO alpha-2, location, employmentType, department, level, startDate YYYY-MM-DD) ' +
      'is the asker profile answers are personalised by; null or "" clears a field, absent fields stay.',
    body: userChangeSchema,
    response: ok('The role and/or the profile after the change'),
  },
  {
    ...admin,
    method: 'POST',
    path: '/api/admin/users/attributes-import',
    summary: 'Import asker profiles from CSV',
    description:
      'Body: `text/csv` with header `email,country,location,employmentType,department,level,startDate` ' +
      '(any subset of the attribute columns; an empty cell clears). All rows or none: problems come back ' +
      'as `errors: [{line, error}]` (400 malformed rows, 422 unknown users).',
    response: ok('How many users were updated and unchanged'),
  },
  {
    ...admin,
    method: 'POST',
    path: '/api/admin/users/{id}/groups',
    summary: 'Add a user to a group',
    body: membershipSchema,
    response: { status: 201, description: 'Added' },
  },
  {
    ...admin,
    method: 'DELETE',
    path: '/api/admin/users/{id}/groups/{groupId}',
    summary: 'Remove a user from a group',
    response: noContent,
  },
  {
    ...admin,
    method: 'GET',
    path: '/api/admin/groups',
    summary: 'Groups with member and document counts',
    response: ok('Groups'),
  },
  {
    ...admin,
    method: 'POST',
    path: '/api/admin/groups',
    summary: 'Create a group',
    body: groupCreateSchema,
    response: { status: 201, description: 'The group id' },
  },
  {
    ...admin,
    method: 'PATCH',
    path: '/api/admin/groups/{id}',
    summary: 'Rename a group',
    body: groupRenameSchema,
    response: ok('The group id'),
  },
  {
    ...admin,
    method: 'GET',
    path: '/api/admin/audit',
    summary: 'The audit log, newest first',
    query: auditSearchParamsSchema,
    response: ok('A page of entries'),
  },
  {
    ...admin,
    method: 'GET',
    path: '/api/admin/system',
    summary: 'Queue, versions, workers, database, vector indexes',
    response: ok('System status'),
  },
  {
    ...admin,
    method: 'POST',
    path: '/api/admin/system/webhooks/{id}/retry',
    summary: 'Retry a failed handoff webhook delivery',
    response: { status: 202, description: 'Pending again; the first new attempt is made at once' },
  },
  {
    ...admin,
    method: 'PUT',
    path: '/api/admin/groups/{id}/permissions',
    summary: 'Grant or revoke what a group may do beyond reading (handoffs)',
    body: groupPermissionsSchema,
    response: ok('The group id and its permissions'),
  },
  {
    ...admin,
    method: 'PUT',
    path: '/api/admin/documents/{id}/owner',
    summary: 'Set the group that answers handoffs about a document (null: the default)',
    body: documentOwnerSchema,
    response: ok('The document id and its owner group'),
  },
  {
    ...admin,
    method: 'GET',
    path: '/api/admin/tokens',
    summary: 'Every API token of every account',
    response: { status: 200, description: 'Tokens', schema: tokenListSchema.pick({ tokens: true }) },
  },
  {
    ...admin,
    method: 'POST',
    path: '/api/admin/tokens',
    summary: 'Issue a service token acting as an account',
    body: createServiceTokenSchema,
    response: { status: 201, description: 'The token and its secret', schema: createdTokenSchema },
  },
  {
    ...admin,
    method: 'DELETE',
    path: '/api/admin/tokens/{id}',
    summary: 'Revoke any token',
    response: noContent,
  },
]
