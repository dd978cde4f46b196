import { z } from 'zod'
import { groupNameSchema } from '@/lib/shared/admin/upload-fields'

/** `PUT /api/admin/documents/:id/access`. */
export const accessSchema = z.object({
  groups: z.array(groupNameSchema).min(1, 'choose at least one group').max(50),
})
