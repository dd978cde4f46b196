import { listDocuments } from '@policydesk/db'
import { StatusBadge } from '@/components/status-badge'
import { ROLES, requirePageRole } from '@/lib/auth/require-role'
import { getDb } from '@/lib/db'

export const dynamic = 'force-dynamic'

export default async function DocumentsPage() {
  await requirePageRole(ROLES.admins)
  const documents = await listDocuments(getDb())
  return (
    <main className="mx-auto max-w-5xl p-6">
      <h1 className="mb-4 text-2xl font-semibold">Documents</h1>
      {documents.length === 0 ? (
        <p className="text-slate-600">
          No documents yet. Ingest some with <code>npx policydesk ingest samples/policies</code>.
        </p>
      ) : (
        <table className="w-full border-collapse overflow-hidden rounded-lg bg-white text-left text-sm shadow-sm">
          <caption className="sr-only">Ingested documents and their status</caption>
          <thead className="bg-slate-100 text-slate-600">
            <tr>
              <th scope="col" className="p-3">
                Title
              </th>
              <th scope="col" className="p-3">
                Status
              </th>
              <th scope="col" className="p-3">
                Version
              </th>
              <th scope="col" className="p-3">
                Chunks
              </th>
              <th scope="col" className="p-3">
                Access
              </th>
            </tr>
          </thead>
          <tbody>
            {documents.map((doc) => (
              <tr key={doc.id} className="border-t border-slate-100" data-testid="document-row">
                <td className="p-3">
                  <div className="font-medium">{doc.title}</div>
                  <div className="text-xs text-slate-500">{doc.sourceName}</div>
                </td>
                <td className="p-3">
                  <StatusBadge status={doc.status} stage={doc.stage} />
                  {doc.error ? <div className="mt-1 text-xs text-red-700">{doc.error}</div> : null}
                </td>
                <td className="p-3">v{doc.latestVersionNo ?? '–'}</td>
                <td className="p-3">{doc.chunkCount ?? 0}</td>
                <td className="p-3">{doc.groups.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  )
}
