import 'server-only'
import { getUserWithReadableGroups, normaliseAttributes, type schema } from '@policydesk/db'
import { annotateRequest } from '@policydesk/observability'
import { cache } from 'react'
import { authConfig } from '@/lib/server/auth/config'
import { getSession } from '@/lib/server/auth/session'
import { getDb } from '@/lib/server/db'

export type SessionUser = {
  id: string
  email: string
  name: string
  role: schema.UserRole
  /** Groups whose documents the user may read (memberships + everyone), from the database. */
  groupIds: string[]
  /** The asker profile (country, office, contract…): answers quote the rules that apply to them. */
  attributes: schema.UserAttributes
}

/** The signed-in user, loaded once per request (React cache), or null. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const config = authConfig()
  if (config.problem) return null
  const session = await getSession()
  if (!session.userId || session.mode !== config.mode) return null
  const user = await getUserWithReadableGroups(getDb(), session.userId)
  if (!user) return null
  // Every later log line of this request names the user (ids only, never names or e-mail addresses).
  annotateRequest({ userId: user.id })
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    groupIds: user.groupIds,
    attributes: normaliseAttributes(user.attributes),
  }
})
