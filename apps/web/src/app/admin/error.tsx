'use client'

import { Button } from '@/components/ui/button'

/** A failure while rendering an admin page (e.g. the database is down): say so, offer a retry. */
export default function AdminError({
  error,
  reset,
}: {
  error: Error & { digest?: string }
  reset: () => void
}) {
  return (
    <div
      role="alert"
      className="mx-auto max-w-lg rounded-lg border border-red-200 bg-white p-6 text-center shadow-sm"
    >
      <h1 className="text-lg font-semibold text-slate-900">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-slate-600">
        Something went wrong on the server{error.digest ? ` (reference ${error.digest})` : ''}. Try again in a
        moment.
      </p>
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  )
}
