import 'server-only'
import type { z } from 'zod'

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response }

/** Validation errors name the field and the rule, never echo the submitted value back. */
function invalid(error: z.ZodError): Response {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')
  return Response.json({ error: `Invalid request: ${summary}`, issues }, { status: 400 })
}

export async function parseJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<Parsed<z.output<S>>> {
  // Requiring the JSON type also means a cross-site HTML form (which cannot send it) never reaches us.
  if (!(request.headers.get('content-type') ?? '').includes('application/json')) {
    return {
      ok: false,
      response: Response.json({ error: 'Send Content-Type: application/json.' }, { status: 415 }),
    }
  }
  let body: unknown
  try {
    body = await request.json()
  } catch {
    return { ok: false, response: Response.json({ error: 'The body must be JSON.' }, { status: 400 }) }
  }
  const parsed = schema.safeParse(body)
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: invalid(parsed.error) }
}

export function parseValue<S extends z.ZodType>(value: unknown, schema: S): Parsed<z.output<S>> {
  const parsed = schema.safeParse(value)
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: invalid(parsed.error) }
}

export const notFound = (what = 'Not found.') => Response.json({ error: what }, { status: 404 })
