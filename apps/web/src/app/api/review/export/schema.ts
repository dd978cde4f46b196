import { z } from 'zod'

/** `GET /api/review/export?format=` plus the answers log's filters (as `GET /api/review/answers`). */
export const exportQuerySchema = z.object({ format: z.enum(['csv', 'jsonl']).default('csv') })

export { logQuerySchema, parseLogQuery } from '@/lib/shared/review/filters'
