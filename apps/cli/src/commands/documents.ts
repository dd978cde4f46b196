import {
  type Database,
  documentGroupNames,
  findDocumentBySlug,
  getDocument,
  listDocuments,
  listVersions,
  purgeDocument,
  softDeleteDocument,
} from '@policydesk/db'
import { UserFacingError } from '@policydesk/runtime'
import type { Command } from 'commander'
import { printJson, printLine, runCommand } from '../lib/output'
import { withServices } from '../lib/services'

const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)

/** Accepts a document id or its slug (the file name without extension). */
async function resolveDocument(db: Database, idOrSlug: string) {
  const doc = isUuid(idOrSlug) ? await getDocument(db, idOrSlug) : await findDocumentBySlug(db, idOrSlug)
  if (!doc) throw new UserFacingError(`No document ${idOrSlug}`)
  return doc
}

export function registerDocumentsCommands(program: Command): void {
  const documents = program.command('documents').description('list and manage ingested documents')

  documents
    .command('list')
    .option('--all', 'include deleted documents')
    .option('--json', 'one JSON object per line')
    .action((opts: { all?: boolean; json?: boolean }) =>
      runCommand(() =>
        withServices({ redis: 'none' }, async ({ handle }) => {
          const rows = await listDocuments(handle.db, { includeDeleted: opts.all })
          if (opts.json) for (const row of rows) printJson(row)
          else if (rows.length === 0)
            printLine('No documents yet. Try `policydesk ingest samples/policies --wait`.')
          else {
            for (const row of rows) {
              const groups = row.groups.join(',')
              printLine(
                `${row.slug.padEnd(34)} ${String(row.status ?? '-').padEnd(10)} v${row.latestVersionNo ?? '-'}  ${String(row.chunkCount ?? 0).padStart(4)} chunks  [${groups}]${row.deletedAt ? ' (deleted)' : ''}`,
              )
            }
          }
          return 0
        }),
      ),
    )

  documents
    .command('show')
    .argument('<document>', 'id or slug')
    .option('--json')
    .action((idOrSlug: string, opts: { json?: boolean }) =>
      runCommand(() =>
        withServices({ redis: 'none' }, async ({ handle }) => {
          const doc = await resolveDocument(handle.db, idOrSlug)
          const versions = await listVersions(handle.db, doc.id)
          const groups = await documentGroupNames(handle.db, doc.id)
          if (opts.json) printJson({ ...doc, groups, versions })
          else {
            printLine(
              `${doc.title} (${doc.slug}) — groups: ${groups.join(', ')}${doc.deletedAt ? ' — deleted' : ''}`,
            )
            for (const v of versions) {
              const current = v.id === doc.currentVersionId ? ' (current)' : ''
              printLine(
                `  v${v.versionNo}${current}: ${v.status}/${v.stage} ${v.chunkCount} chunks, ${v.sizeBytes} bytes${v.error ? ` — ${v.error}` : ''}`,
              )
            }
          }
          return 0
        }),
      ),
    )

  documents
    .command('delete')
    .description('soft delete: leaves retrieval at once, history kept')
    .argument('<document>', 'id or slug')
    .option('--json', 'print { id, slug, deleted } as JSON (deleted false: it already was)')
    .action((idOrSlug: string, opts: { json?: boolean }) =>
      runCommand(() =>
        withServices({ redis: 'none' }, async ({ handle }) => {
          const doc = await resolveDocument(handle.db, idOrSlug)
          const deleted = await handle.db.transaction((tx) => softDeleteDocument(tx, doc.id))
          if (opts.json) printJson({ id: doc.id, slug: doc.slug, deleted: Boolean(deleted) })
          else printLine(deleted ? `Deleted ${doc.slug}.` : `${doc.slug} was already deleted.`)
          return 0
        }),
      ),
    )

  documents
    .command('purge')
    .description('delete the bytes, chunks and embeddings of every version (irreversible)')
    .argument('<document>', 'id or slug')
    .requiredOption('--yes', 'confirm the purge')
    .option('--json', 'print { id, slug, purged } as JSON')
    .action((idOrSlug: string, opts: { json?: boolean }) =>
      runCommand(() =>
        withServices({ redis: 'none' }, async ({ handle }) => {
          const doc = await resolveDocument(handle.db, idOrSlug)
          await handle.db.transaction((tx) => purgeDocument(tx, doc.id))
          if (opts.json) printJson({ id: doc.id, slug: doc.slug, purged: true })
          else printLine(`Purged ${doc.slug}.`)
          return 0
        }),
      ),
    )
}
