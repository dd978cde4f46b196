import { z } from 'zod'

/** `GET …/chunks?page=&pageSize=`. */
export const querySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})
