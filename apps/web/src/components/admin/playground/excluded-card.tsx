import { Lock } from 'lucide-react'
import { Card, CardHeader } from '@/components/ui/form-controls'
import type { PlaygroundResult } from '@/lib/admin/playground-schema'

/** Documents the reader's groups may not read that would have matched: titles and ranks, never text. */
export function ExcludedCard({ result }: { result: PlaygroundResult }) {
  return (
    <Card aria-labelledby="pg-excluded">
      <CardHeader
        title={<span id="pg-excluded">Excluded by access rules</span>}
        description="Documents that match for a reader of every group, but this reader may not read (titles only)."
      />
      {result.excluded.length === 0 ? (
        <p className="p-4 text-sm text-slate-600" data-testid="no-exclusions">
          Nothing was left out: every matching document is readable by this reader.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="excluded-documents">
          {result.excluded.map((doc) => (
            <li
              key={doc.documentId}
              className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 text-sm"
            >
              <Lock className="size-4 text-slate-400" aria-hidden />
              <span className="font-medium text-slate-900">{doc.title}</span>
              <span className="text-xs text-slate-500">
                best rank {doc.bestRank} for an all-access reader · {doc.passages} passage
                {doc.passages === 1 ? '' : 's'} · readable by {doc.readableBy.join(', ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}
