import { z } from 'zod'

/** Response shapes shared by several operations (request schemas live next to their routes). */

export const errorSchema = z.object({
  error: z.string().describe('A sentence for people'),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  reason: z.string().optional(),
})

export const meSchema = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['employee', 'analyst', 'admin']),
    groupIds: z.array(z.uuid()).describe('Groups whose documents the user may read (memberships + everyone)'),
  }),
})

export const conversationSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})

export const healthSchema = z.object({ status: z.string() })
