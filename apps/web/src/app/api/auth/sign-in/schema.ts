import { z } from 'zod'

/** `GET /api/auth/sign-in?returnTo=/path` (OIDC only). Any value is accepted: an unsafe one becomes `/`. */
export const signInQuerySchema = z.object({ returnTo: z.string().optional() })
