import 'server-only'
import { getUserById, readableGroupIds, type schema } from '@policydesk/db'
import { cache } from 'react'
import { getDb } from '../db'
import { authConfig } from './config'
import { getSession } from './session'

export type SessionUser = {
  id: string
  email: string
  name: string
  role: schema.UserRole
  /** Groups whose documents the user may read (memberships + everyone), from the database. */
  groupIds: string[]
}

/** The signed-in user, loaded once per request (React cache), or null. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const config = authConfig()
  if (config.problem) return null
  const session = await getSession()
  if (!session.userId || session.mode !== config.mode) return null
  const db = getDb()
  const user = await getUserById(db, session.userId)
  if (!user) return null
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    groupIds: await readableGroupIds(db, user.id),
  }
})
