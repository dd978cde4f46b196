import { PROMOTE_SCOPES } from '@policydesk/db'
import { z } from 'zod'

/**
 * `POST /api/handoffs/:id/promote`: which reply becomes the curated answer, and whom it is served to —
 * `asker` (default): employees like the one who asked (their country, office, contract, department);
 * `everyone`: any employee asking the same question.
 */
export const promoteSchema = z.object({ replyId: z.uuid(), scope: z.enum(PROMOTE_SCOPES).optional() })
