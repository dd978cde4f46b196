import 'server-only'
import type { z } from 'zod'
import { webEnv } from '@/lib/server/env'
import { isJsonContentType, readBodyCapped } from '@/lib/server/request/read-body'
import { formatBytes } from '@/lib/shared/format'

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response }

/** Validation errors name the field and the rule, never echo the submitted value back. */
function invalid(error: z.ZodError): Response {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')
  return Response.json({ error: `Invalid request: ${summary}`, issues }, { status: 400 })
}

/** 413 for a body over its cap. */
export const tooLarge = (error: string) => Response.json({ error }, { status: 413 })

/**
 * A JSON body, read while counting (413 past JSON_BODY_LIMIT_KB, before the rest arrives), then
 * validated. The 415 for other content types is input validation only: cross-site requests are refused
 * earlier, by sameOriginOnly, whatever their content type.
 */
export async function parseJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<Parsed<z.output<S>>> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    return {
      ok: false,
      response: Response.json({ error: 'Send Content-Type: application/json.' }, { status: 415 }),
    }
  }
  const maxBytes = webEnv().JSON_BODY_LIMIT_KB * 1024
  const body = await readBodyCapped(request, maxBytes)
  if (!body.ok) {
    return { ok: false, response: tooLarge(`The JSON body is larger than ${formatBytes(maxBytes)}.`) }
  }
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body.bytes))
  } catch {
    return { ok: false, response: Response.json({ error: 'The body must be JSON.' }, { status: 400 }) }
  }
  const parsed = schema.safeParse(value)
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: invalid(parsed.error) }
}

export function parseValue<S extends z.ZodType>(value: unknown, schema: S): Parsed<z.output<S>> {
  const parsed = schema.safeParse(value)
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: invalid(parsed.error) }
}

export const notFound = (what = 'Not found.') => Response.json({ error: what }, { status: 404 })
