import 'server-only'
import { z } from 'zod'
import type { Parsed } from '@/lib/server/http'

const uuid = z.uuid()

/**
 * Dynamic route segments that must all be UUIDs. One that is not is a malformed request (400 naming the
 * segment), not a lookup: it could never name a row, and letting it reach SQL would be a 500.
 */
export async function uuidParams<K extends string>(
  params: Promise<Record<K, string>>,
): Promise<Parsed<Record<K, string>>> {
  const values = await params
  for (const [key, value] of Object.entries<string>(values)) {
    if (!uuid.safeParse(value).success) {
      return {
        ok: false,
        response: Response.json({ error: `Invalid request: ${key}: must be a UUID` }, { status: 400 }),
      }
    }
  }
  return { ok: true, data: values }
}
