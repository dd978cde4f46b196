import type { AuditListRow } from '@policydesk/db'
import Link from 'next/link'
import { auditTargetHref, describeAuditEntry } from '@/lib/admin/describe-audit'
import { formatDateTime } from '@/lib/admin/format'

export function AuditTable({ rows }: { rows: AuditListRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Audit log entries, newest first</caption>
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2.5">
              When
            </th>
            <th scope="col" className="px-3 py-2.5">
              Actor
            </th>
            <th scope="col" className="px-3 py-2.5">
              Action
            </th>
            <th scope="col" className="px-3 py-2.5">
              What
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const href = auditTargetHref(row)
            const description = describeAuditEntry(row)
            return (
              <tr key={row.id} className="border-t border-slate-100 align-top" data-testid="audit-row">
                <td className="px-3 py-2.5 text-xs whitespace-nowrap text-slate-600">
                  {formatDateTime(row.createdAt)}
                </td>
                <td className="px-3 py-2.5">
                  <div className="text-slate-900">{row.actorName ?? 'system'}</div>
                  {row.actorEmail ? <div className="text-xs text-slate-500">{row.actorEmail}</div> : null}
                </td>
                <td className="px-3 py-2.5">
                  <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">
                    {row.action}
                  </code>
                </td>
                <td className="px-3 py-2.5 text-slate-800">
                  {href ? (
                    <Link href={href} className="hover:underline">
                      {description}
                    </Link>
                  ) : (
                    description
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
