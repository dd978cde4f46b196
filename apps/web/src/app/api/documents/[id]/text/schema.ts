import type { DocumentText } from '@policydesk/db'
import { z } from 'zod'

/** `/api/documents/<id>/text?version=<versionId>`: the current version unless one is named. */
export const documentTextParams = z.object({ id: z.uuid(), version: z.uuid().optional() })

/** The response: a readable version's passages, from which the reader's view is laid out. */
export type DocumentTextResponse = { document: DocumentText }
