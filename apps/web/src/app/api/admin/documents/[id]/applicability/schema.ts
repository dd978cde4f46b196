import { applicabilitySchema } from '@policydesk/db'

/** `PUT /api/admin/documents/:id/applicability`: whom the document applies to ({} = everyone). */
export const applicabilityBodySchema = applicabilitySchema
