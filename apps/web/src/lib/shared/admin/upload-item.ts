import { parseAppliesTo } from '@policydesk/db/profiles'
import { uploadFieldsSchema } from '@/lib/shared/admin/upload-fields'
import { checkFileFacts, titleFromFileName } from '@/lib/shared/admin/upload-rules'

/** One file in the upload list, from the moment it is dropped until its version is ready or failed. */
export type UploadItem = {
  key: string
  file: File
  title: string
  /** As typed: comma-separated. */
  tags: string
  groups: string[]
  effectiveDate: string
  /** Whom the document applies to, as typed: ISO country codes, comma-separated; empty = everyone. */
  countries?: string
  /** Why the browser refuses the file (type, size); such a file is never sent. */
  refusal: string | null
  phase: 'pending' | 'uploading' | 'accepted' | 'rejected'
  /** The server's reason for refusing it, or a network failure. */
  error: string | null
  result: { documentId: string; versionId: string; versionNo: number; created: boolean } | null
}

let counter = 0

export function createUploadItem(
  file: File,
  options: { maxBytes: number; defaultGroups: string[]; title?: string },
): UploadItem {
  counter += 1
  return {
    key: `${Date.now()}-${counter}`,
    file,
    title: options.title ?? titleFromFileName(file.name),
    tags: '',
    groups: options.defaultGroups,
    effectiveDate: '',
    refusal: checkFileFacts({ name: file.name, size: file.size, type: file.type }, options.maxBytes),
    phase: 'pending',
    error: null,
    result: null,
  }
}

export const splitTags = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t.length > 0),
  ),
]

export type ItemFieldErrors = Partial<
  Record<'title' | 'tags' | 'groups' | 'effectiveDate' | 'countries', string>
>

/** The same schema the server applies, field by field, for messages next to each control. */
export function validateUploadItem(
  item: Pick<UploadItem, 'title' | 'tags' | 'groups' | 'effectiveDate' | 'countries'>,
  options: { requireGroups: boolean },
): ItemFieldErrors {
  const errors: ItemFieldErrors = {}
  const countries = item.countries?.trim()
  if (countries) {
    const parsed = parseAppliesTo([`country=${countries}`])
    if (!parsed.ok) errors.countries = 'Use ISO country codes such as PT, DE, US, separated by commas'
  }
  if (item.title.trim() === '') errors.title = 'Give the document a title'
  if (options.requireGroups && item.groups.length === 0) errors.groups = 'Choose at least one group'
  const parsed = uploadFieldsSchema.safeParse({
    title: item.title.trim() || undefined,
    tags: splitTags(item.tags),
    groups: options.requireGroups && item.groups.length > 0 ? item.groups : undefined,
    effectiveDate: item.effectiveDate || undefined,
  })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0]
      if (field === 'title' || field === 'tags' || field === 'groups' || field === 'effectiveDate') {
        errors[field] ??= issue.message
      }
    }
  }
  return errors
}

/** The multipart body for one file (the browser sends one request per file, each with its own fields). */
export function buildUploadForm(
  item: Pick<UploadItem, 'file' | 'title' | 'tags' | 'groups' | 'effectiveDate' | 'countries'>,
  options: { documentId?: string; sendGroups: boolean },
): FormData {
  const form = new FormData()
  form.append('file', item.file, item.file.name)
  form.append('title', item.title.trim())
  for (const tag of splitTags(item.tags)) form.append('tags', tag)
  if (options.sendGroups) for (const group of item.groups) form.append('groups', group)
  if (item.effectiveDate) form.append('effectiveDate', item.effectiveDate)
  if (item.countries?.trim()) form.append('appliesTo', `country=${item.countries.trim()}`)
  if (options.documentId) form.append('documentId', options.documentId)
  return form
}
