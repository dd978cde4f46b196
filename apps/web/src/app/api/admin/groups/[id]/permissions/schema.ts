import { groupPermissions } from '@policydesk/db/schema'
import { z } from 'zod'

/** `PUT /api/admin/groups/:id/permissions`: what the group's members may do beyond reading (`handoffs`). */
export const groupPermissionsSchema = z.object({
  permissions: z.array(z.enum(groupPermissions)).max(groupPermissions.length),
})
