import type { ReactNode } from 'react'
import { AdminNav } from '@/components/admin/admin-nav'
import { AppHeader } from '@/components/app-header'
import { ROLES, requirePageRole } from '@/lib/server/auth/require-role'

export const dynamic = 'force-dynamic'

/** Admin area. Pages repeat the role check: layouts are not re-run on client-side navigation. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requirePageRole(ROLES.admins)
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader user={user} />
      <AdminNav />
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">{children}</main>
    </div>
  )
}
