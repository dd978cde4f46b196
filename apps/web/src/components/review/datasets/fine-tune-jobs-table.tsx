import type { FineTuneJobListRow } from '@policydesk/finetune/queries'
import { Badge, type BadgeTone, Card, CardTitle } from '@/components/review/ui'
import { formatDateTime } from '@/lib/review/format'

const STATUS_TONE: Record<string, BadgeTone> = {
  succeeded: 'emerald',
  failed: 'red',
  cancelled: 'slate',
  running: 'sky',
  queued: 'amber',
  validating_files: 'amber',
}

const COLUMNS = ['Dataset', 'Base model', 'Status', 'Fine-tuned model', 'Latest event', 'Updated']

/** Fine-tuning jobs, newest first, with the provider's status, the resulting model and the last event. */
export function FineTuneJobsTable({ jobs }: { jobs: FineTuneJobListRow[] }) {
  return (
    <Card>
      <CardTitle aside="policydesk finetune submit | status">Fine-tuning jobs</CardTitle>
      {jobs.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-600">
          No fine-tuning jobs yet. Submit a dataset with{' '}
          <code className="rounded bg-slate-100 px-1">policydesk finetune submit --dataset &lt;id&gt;</code>.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Fine-tuning jobs</caption>
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col" className="px-4 py-2 font-medium">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {jobs.map((job) => {
                const last = job.events.at(-1)
                return (
                  <tr key={job.id} data-testid="finetune-job">
                    <td className="px-4 py-2 break-all">{job.datasetName}</td>
                    <td className="px-4 py-2 font-mono text-xs">{job.baseModel}</td>
                    <td className="px-4 py-2">
                      <Badge tone={STATUS_TONE[job.status] ?? 'slate'}>{job.status}</Badge>
                      {job.error ? <p className="mt-1 text-xs text-red-700">{job.error}</p> : null}
                    </td>
                    <td className="px-4 py-2 font-mono text-xs break-all">{job.resultModel ?? '—'}</td>
                    <td className="px-4 py-2 text-xs text-slate-600">{last?.message ?? '—'}</td>
                    <td className="px-4 py-2 text-xs whitespace-nowrap text-slate-500">
                      {formatDateTime(job.updatedAt)}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  )
}
