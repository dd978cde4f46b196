import 'server-only'
import { z } from 'zod'

const uuid = z.uuid()

/** Dynamic route segments that must all be UUIDs; null (→ 404) when any is not. */
export async function uuidParams<K extends string>(
  params: Promise<Record<K, string>>,
): Promise<Record<K, string> | null> {
  const values = await params
  for (const value of Object.values<string>(values)) if (!uuid.safeParse(value).success) return null
  return values
}
