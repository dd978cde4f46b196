import type { ReactNode } from 'react'
import { AppHeader } from '@/components/app-header'
import { ROLES, requirePageRole } from '@/lib/auth/require-role'

export const dynamic = 'force-dynamic'

/** Admin area. Pages repeat the role check: layouts are not re-run on client-side navigation. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requirePageRole(ROLES.admins)
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader user={user} />
      {children}
    </div>
  )
}
