import type { ReactNode } from 'react'
import { AppHeader } from '@/components/app-header'
import { requirePageRole } from '@/lib/server/auth/require-role'

export const dynamic = 'force-dynamic'

/** The signed-in user's own settings (API tokens). A real 307 to /sign-in for visitors, from the layout. */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const user = await requirePageRole()
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader user={user} />
      <main className="mx-auto w-full max-w-5xl flex-1 px-4 py-6">{children}</main>
    </div>
  )
}
