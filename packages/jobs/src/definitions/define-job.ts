import type { z } from 'zod'

/**
 * A job contract shared by producer and consumer: the queue it goes to, its payload schema and how its id
 * is derived (a deterministic id makes a second enqueue of the same work a no-op).
 */
export type JobDefinition<S extends z.ZodType> = {
  name: string
  queue: string
  payload: S
  jobId: (payload: z.infer<S>) => string
}

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition
}

/** Raised when a payload fails its schema: retrying cannot fix it, so the consumer must not retry. */
export class InvalidJobPayload extends Error {
  override name = 'InvalidJobPayload'
}

export function parseJobPayload<S extends z.ZodType>(
  definition: JobDefinition<S>,
  data: unknown,
): z.infer<S> {
  const parsed = definition.payload.safeParse(data)
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`)
      .join('; ')
    throw new InvalidJobPayload(`Invalid ${definition.name} payload: ${problems}`)
  }
  return parsed.data
}
