import { z } from 'zod'
import { groupNameSchema } from '@/lib/shared/admin/upload-fields'

/** A group as created and as renamed: `{ name, description? }`. */
export const groupFieldsSchema = z.object({
  name: groupNameSchema,
  description: z.string().trim().max(200, 'descriptions have at most 200 characters').optional(),
})
