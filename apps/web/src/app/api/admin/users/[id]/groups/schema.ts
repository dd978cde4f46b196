import { z } from 'zod'

/** `POST /api/admin/users/:id/groups`: the group to add the user to (the user id is checked by `uuidParams`). */
export const membershipSchema = z.object({ groupId: z.uuid('groupId must be a group id') })
