import { groupFieldsSchema } from '@/lib/shared/admin/group-fields'

/** `PATCH /api/admin/groups/:id`: the new `{ name, description? }`, as on creation (the id is checked by `uuidParams`). */
export const groupRenameSchema = groupFieldsSchema
