'use client'

import { Button } from '@/components/ui/button'

/** A review page failed to load (database down, query error): say so and offer a retry. */
export default function ReviewError({
  error,
  reset,
}: {
  error: Error & { digest?: string }
  reset: () => void
}) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
      <h1 className="text-lg font-semibold text-red-900">This review page could not be loaded</h1>
      <p className="mt-1 text-sm text-red-800">
        Something went wrong while reading the answers log. Try again; if it keeps failing, check the server
        logs
        {error.digest ? ` (reference ${error.digest})` : ''}.
      </p>
      <Button className="mt-4" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  )
}
