import { z } from 'zod'
import { groupNameSchema } from './upload-fields'

const roles = ['employee', 'analyst', 'admin'] as const

export const roleChangeSchema = z.object({ role: z.enum(roles) })
export const membershipSchema = z.object({ groupId: z.uuid('groupId must be a group id') })
export const groupCreateSchema = z.object({
  name: groupNameSchema,
  description: z.string().trim().max(200, 'descriptions have at most 200 characters').optional(),
})
export const groupRenameSchema = groupCreateSchema
