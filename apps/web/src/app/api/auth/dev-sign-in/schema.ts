import { z } from 'zod'

/** `POST /api/auth/dev-sign-in` (JSON or a form post). */
export const signInSchema = z.object({ email: z.email(), returnTo: z.string().max(2000).optional() })
