import type { ReactNode } from 'react'
import { requirePageRole } from '@/lib/server/auth/require-role'

export const dynamic = 'force-dynamic'

/**
 * Signs the visitor in before the page's loading boundary starts streaming: a redirect from inside a
 * streamed page arrives as a 200 with a client-side redirect, from here it is a real 307 to /sign-in.
 */
export default async function ChatLayout({ children }: { children: ReactNode }) {
  await requirePageRole()
  return children
}
