import type { AuditListRow } from '@policydesk/db'
import Link from 'next/link'
import { type Column, DataTable } from '@/components/ui/data-table'
import { getTranslator, type ServerTranslator } from '@/lib/server/i18n/server'
import { auditTargetHref, describeAuditEntry } from '@/lib/shared/admin/describe-audit'
import { formatDateTime } from '@/lib/shared/format'

const columns = (t: ServerTranslator): Column<AuditListRow>[] => [
  {
    key: 'when',
    header: t('admin.audit.columns.when'),
    nowrap: true,
    className: 'text-xs text-slate-600',
    cell: (row) => formatDateTime(row.createdAt),
  },
  {
    key: 'actor',
    header: t('admin.audit.columns.actor'),
    cell: (row) => (
      <>
        <div className="text-slate-900">{row.actorName ?? t('admin.audit.system')}</div>
        {row.actorEmail ? <div className="text-xs text-slate-500">{row.actorEmail}</div> : null}
      </>
    ),
  },
  {
    key: 'action',
    header: t('admin.audit.columns.action'),
    cell: (row) => (
      <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">{row.action}</code>
    ),
  },
  {
    key: 'what',
    header: t('admin.audit.columns.what'),
    className: 'text-slate-800',
    cell: (row) => {
      const href = auditTargetHref(row)
      const description = describeAuditEntry(row)
      return href ? (
        <Link href={href} className="hover:underline">
          {description}
        </Link>
      ) : (
        description
      )
    },
  },
]

export async function AuditTable({ rows }: { rows: AuditListRow[] }) {
  const t = await getTranslator()
  return (
    <DataTable
      framed
      caption={t('admin.audit.caption')}
      columns={columns(t)}
      rows={rows}
      rowKey={(row) => String(row.id)}
      rowTestId="audit-row"
    />
  )
}
