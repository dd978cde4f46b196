import { z } from 'zod'

/** `/api/documents/<id>/original?version=<versionId>`. */
export const paramsSchema = z.object({ id: z.uuid(), version: z.uuid().optional() })
