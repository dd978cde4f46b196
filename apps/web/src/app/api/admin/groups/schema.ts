import { groupFieldsSchema } from '@/lib/shared/admin/group-fields'

/** `POST /api/admin/groups`: `{ name, description? }` (the group-name rule of lib/shared/admin/upload-fields.ts). */
export const groupCreateSchema = groupFieldsSchema
