import { listRecentFeedback } from '@policydesk/db'
import { ThumbsDown, ThumbsUp } from 'lucide-react'
import { ROLES, requirePageRole } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'

export const dynamic = 'force-dynamic'

/** Placeholder for the review workflow: for now, the latest ratings employees gave. */
export default async function ReviewPage() {
  await requirePageRole(ROLES.reviewers)
  const items = await listRecentFeedback(getDb(), { limit: 50 })
  return (
    <main className="mx-auto w-full max-w-5xl p-6">
      <h1 className="mb-1 text-2xl font-semibold">Review</h1>
      <p className="mb-6 text-sm text-slate-600">Latest answer ratings. The full review queue is coming.</p>
      {items.length === 0 ? (
        <p className="text-slate-600">No ratings yet.</p>
      ) : (
        <ul className="space-y-3">
          {items.map((item) => (
            <li key={item.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <div className="mb-1 flex items-center gap-2 text-sm">
                {item.rating === 'up' ? (
                  <ThumbsUp className="size-4 text-emerald-600" aria-label="Helpful" />
                ) : (
                  <ThumbsDown className="size-4 text-red-600" aria-label="Not helpful" />
                )}
                <span className="font-medium">{item.question}</span>
              </div>
              <p className="line-clamp-2 text-sm text-slate-600">{item.answer}</p>
              {item.reason || item.comment ? (
                <p className="mt-2 text-sm text-slate-800">
                  {item.reason ? (
                    <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5">{item.reason}</span>
                  ) : null}
                  {item.comment}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </main>
  )
}
