import { z } from 'zod'
import { createTokenSchema } from '@/app/api/me/tokens/schema'

/**
 * `POST /api/admin/tokens`: a service token for an account (a person or a service identity) — a personal
 * token's fields plus the account.
 */
export const createServiceTokenSchema = createTokenSchema.extend({ userId: z.uuid() }).strict()
