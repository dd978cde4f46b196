import { z } from 'zod'
import { type UserAttributes, userAttributeKeys } from '../schema/profiles'
import { describeIssues, type UserAttributesPatch, userAttributesPatchSchema } from './validation'

export const MAX_IMPORT_ROWS = 5_000

/** RFC 4180 fields: quotes around a field allow commas, newlines and "" for a quote. */
function parseRows(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += ch
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''))
}

const email = z.email('is not an e-mail address')

export type ParsedImport =
  | { ok: true; rows: { line: number; email: string; patch: UserAttributesPatch }[] }
  | { ok: false; errors: { line: number; error: string }[] }

/**
 * The attributes CSV (`email,country,location,employmentType,department,level,startDate`; any subset of
 * the attribute columns, in any order). An empty cell clears that field, as null does in the API. Every
 * row is checked and every problem reported with its line, so one upload shows all of them.
 */
export function parseAttributesCsv(text: string): ParsedImport {
  const rows = parseRows(text.replace(/^\uFEFF/, ''))
  const [header, ...body] = rows
  if (!header) return { ok: false, errors: [{ line: 1, error: 'the file is empty' }] }
  const columns = header.map((h) => h.trim())
  const unknown = columns.filter((c) => c !== 'email' && !userAttributeKeys.some((k) => k === c))
  const problems: string[] = []
  if (!columns.includes('email')) problems.push('the header needs an email column')
  if (unknown.length > 0)
    problems.push(`unknown column ${unknown.join(', ')} (expected email, ${userAttributeKeys.join(', ')})`)
  if (new Set(columns).size !== columns.length) problems.push('a column appears twice')
  if (problems.length > 0) return { ok: false, errors: [{ line: 1, error: problems.join('; ') }] }
  if (body.length === 0) return { ok: false, errors: [{ line: 2, error: 'no rows after the header' }] }
  if (body.length > MAX_IMPORT_ROWS)
    return { ok: false, errors: [{ line: 1, error: `at most ${MAX_IMPORT_ROWS} rows per import` }] }

  const errors: { line: number; error: string }[] = []
  const parsed: { line: number; email: string; patch: UserAttributesPatch }[] = []
  body.forEach((cells, index) => {
    const line = index + 2
    if (cells.length !== columns.length) {
      errors.push({ line, error: `expected ${columns.length} fields, found ${cells.length}` })
      return
    }
    const record = Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']))
    const address = email.safeParse((record.email ?? '').trim())
    if (!address.success) {
      errors.push({ line, error: `email: ${address.error.issues[0]?.message ?? 'invalid'}` })
      return
    }
    const values: Partial<Record<keyof UserAttributes, string>> = {}
    for (const key of userAttributeKeys) if (key in record) values[key] = record[key] ?? ''
    const patch = userAttributesPatchSchema.safeParse(values)
    if (!patch.success) {
      errors.push({ line, error: describeIssues(patch.error) })
      return
    }
    parsed.push({ line, email: address.data.toLowerCase(), patch: patch.data })
  })
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows: parsed }
}
