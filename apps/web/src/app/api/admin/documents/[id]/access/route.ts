import { changeDocumentAccess } from '@policydesk/db'
import { z } from 'zod'
import { refusal } from '@/lib/admin/responses'
import { uuidParams } from '@/lib/admin/route-params'
import { groupNameSchema } from '@/lib/admin/upload-fields'
import { authorizeApi, ROLES } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'
import { notFound, parseJsonBody } from '@/lib/http'

export const dynamic = 'force-dynamic'

const accessSchema = z.object({
  groups: z.array(groupNameSchema).min(1, 'choose at least one group').max(50),
})

/**
 * Admin: replace the groups that may read a document. Takes effect for the next question: the change bumps
 * the corpus revision that retrieval and the answer cache key on.
 */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorizeApi(ROLES.admins)
  if (!auth.ok) return auth.response
  const ids = await uuidParams(params)
  if (!ids) return notFound('No such document.')
  const body = await parseJsonBody(request, accessSchema)
  if (!body.ok) return body.response
  const result = await changeDocumentAccess(getDb(), {
    documentId: ids.id,
    groupNames: body.data.groups,
    actorId: auth.user.id,
  })
  if (!result.ok) {
    return result.reason === 'unknown-groups'
      ? Response.json({ error: `Unknown group: ${result.groups.join(', ')}` }, { status: 422 })
      : refusal(result.reason)
  }
  return Response.json({ groups: result.after, changed: result.changed })
}
