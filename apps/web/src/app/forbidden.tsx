import { ShieldX } from 'lucide-react'
import Link from 'next/link'

/** Rendered by forbidden() with HTTP 403: signed in, but this area belongs to another role. */
export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      <ShieldX className="size-10 text-red-600" aria-hidden />
      <h1 className="text-2xl font-semibold">You don’t have access to this page</h1>
      <p className="text-slate-600">
        This area is for another role. If you need access, ask a Policy Desk administrator.
      </p>
      <Link
        href="/"
        className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500"
      >
        Back to asking questions
      </Link>
    </main>
  )
}
