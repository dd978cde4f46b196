import { z } from 'zod'

/** `GET /api/review/datasets/:id/download?part=` (the id is checked by `uuidParams`). */
export const datasetDownloadSchema = z.object({ part: z.enum(['all', 'train', 'validation']).default('all') })
