import type { ReactNode } from 'react'
import { AppHeader } from '@/components/app-header'
import { requireHandoffsPage } from '@/lib/server/handoffs/page-access'

export const dynamic = 'force-dynamic'

/** Questions handed to a person. Pages repeat the check: layouts do not re-run on navigation. */
export default async function HandoffsLayout({ children }: { children: ReactNode }) {
  const user = await requireHandoffsPage()
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader user={user} />
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">{children}</main>
    </div>
  )
}
