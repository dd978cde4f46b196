import { userAttributesPatchSchema } from '@policydesk/db'
import { z } from 'zod'

const roles = ['employee', 'analyst', 'admin'] as const

/** The role part of `PATCH /api/admin/users/:id` (the id is checked by `uuidParams`). */
export const roleChangeSchema = z.object({ role: z.enum(roles) })

/**
 * `PATCH /api/admin/users/:id`: a role change, a profile change (null or "" clears a field), or both.
 */
export const userChangeSchema = z
  .object({ role: z.enum(roles).optional(), attributes: userAttributesPatchSchema.optional() })
  .strict()
  .refine((body) => body.role !== undefined || body.attributes !== undefined, {
    message: 'send role and/or attributes',
  })
