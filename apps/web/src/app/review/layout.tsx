import type { ReactNode } from 'react'
import { AppHeader } from '@/components/app-header'
import { ROLES, requirePageRole } from '@/lib/auth/require-role'

export const dynamic = 'force-dynamic'

/** Review area for analysts (and admins). Pages repeat the role check, as in /admin. */
export default async function ReviewLayout({ children }: { children: ReactNode }) {
  const user = await requirePageRole(ROLES.reviewers)
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader user={user} />
      {children}
    </div>
  )
}
