import { z } from 'zod'

/** `PUT /api/admin/documents/:id/owner`: the group answering handoffs about it, or null for the default. */
export const documentOwnerSchema = z.object({ groupId: z.uuid('groupId must be a group id').nullable() })
