import { z } from 'zod'

/**
 * `POST /api/admin/users/attributes-import` takes a UTF-8 CSV body (header `email,country,location,
 * employmentType,department,level,startDate`, any subset of the attribute columns); its rows are checked
 * one by one by `parseAttributesCsv` (packages/db), which reports every problem with its line.
 */

/** A profile import is a directory export: 1 MB holds tens of thousands of rows. */
export const MAX_CSV_BYTES = 1024 * 1024

export const csvContentTypeSchema = z
  .string()
  .regex(/^(text\/csv|text\/plain)\s*(;|$)/i, 'Send Content-Type: text/csv.')
