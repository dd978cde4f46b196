import type { ReactNode } from 'react'
import { AppHeader } from '@/components/app-header'
import { ReviewNav } from '@/components/review/review-nav'
import { ROLES, requirePageRole } from '@/lib/server/auth/require-role'

export const dynamic = 'force-dynamic'

/** Review area for analysts (and admins). Pages repeat the role check: layouts do not re-run on navigation. */
export default async function ReviewLayout({ children }: { children: ReactNode }) {
  const user = await requirePageRole(ROLES.reviewers)
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader user={user} />
      <ReviewNav />
      <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">{children}</main>
    </div>
  )
}
