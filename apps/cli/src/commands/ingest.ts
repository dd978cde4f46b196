import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { type Database, documentGroupNames, getVersion, parseAppliesTo } from '@policydesk/db'
import {
  createEmbeddingProvider,
  processVersion,
  readIngestEnv,
  type SubmitResult,
  submitDocumentVersion,
} from '@policydesk/ingest'
import { ingestJob, ingestJobOptions, JobProducer } from '@policydesk/jobs'
import { errorMessage, sleep, UserFacingError } from '@policydesk/runtime'
import type { Command } from 'commander'
import { z } from 'zod'
import { withBulkIndex } from '../lib/bulk-index'
import { collectFiles, isReadable } from '../lib/collect-files'
import { printJson, printLine, runCommand } from '../lib/output'
import { migrateDatabase } from '../lib/prepare-database'
import { ProgressLine } from '../lib/progress'
import { readRemote } from '../lib/remote'
import { withServices } from '../lib/services'

const optionsSchema = z
  .object({
    group: z.array(z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'group names are lower-case slugs')).optional(),
    replaceGroups: z.boolean().default(false),
    tag: z.array(z.string().min(1).max(64)).optional(),
    appliesTo: z
      .array(z.string())
      .optional()
      .transform((pairs, ctx) => {
        if (!pairs?.length) return undefined
        const parsed = parseAppliesTo(pairs)
        if (parsed.ok) return parsed.applicability
        ctx.addIssue({ code: 'custom', message: `--applies-to ${parsed.error}` })
        return z.NEVER
      }),
    wait: z.boolean().default(false),
    json: z.boolean().default(false),
    local: z.boolean().default(false),
    index: z
      .enum(['auto', 'live', 'deferred'], { message: '--index is auto, live or deferred' })
      .default('auto'),
  })
  .refine((o) => o.index !== 'deferred' || o.wait, {
    message: '--index deferred needs --wait (the index is built when the load has finished)',
    path: ['index'],
  })
  .refine((o) => !o.replaceGroups || o.group, {
    message: '--replace-groups needs the new groups: add --group <name> (repeatable)',
    path: ['replaceGroups'],
  })

/** Who may read the file's document: `before` is empty for a new document; `pending` waits for the version. */
type AccessReport = { newDocument: boolean; before: string[]; groups: string[]; pending: string[] | null }

type FileReport = {
  path: string
  documentId: string | null
  versionId: string | null
  status: string
  chunks: number
  error: string | null
  access: AccessReport | null
}

const collect = (value: string, previous: string[] = []) => [...previous, value]

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('store files as document versions and process them (parse → chunk → embed → store)')
    .argument('<paths...>', 'files or directories')
    .option(
      '--group <name>',
      'access group of new documents (repeatable; default everyone); an existing document keeps its groups',
      collect,
    )
    .option(
      '--replace-groups',
      "replace an existing document's groups with --group (audited; added groups apply when the new version is ready)",
    )
    .option('--tag <tag>', 'tag (repeatable)', collect)
    .option(
      '--applies-to <key=value>',
      'whom the document applies to: country=PT, location=Lisbon, employmentType=full-time, department=… (repeatable)',
      collect,
    )
    .option('--wait', 'wait until every file is ready or failed (processes in-process if no worker runs)')
    .option('--json', 'one JSON object per line per file')
    .option('--local', 'use this machine’s database even after `policydesk login`')
    .option(
      '--index <mode>',
      'vector index during a --wait load: auto (build it after big loads), live, deferred',
      'auto',
    )
    .action((paths: string[], raw: unknown) => runCommand(() => ingest(paths, optionsSchema.parse(raw))))
}

async function ingest(paths: string[], options: z.infer<typeof optionsSchema>): Promise<number> {
  const files = await collectFiles(paths)
  const remote = options.local ? null : readRemote()
  if (remote) {
    if (options.index !== 'auto')
      throw new UserFacingError('--index works on this machine only: the server keeps its own index')
    if (options.replaceGroups)
      throw new UserFacingError(
        '--replace-groups works on this machine only: change groups in the admin console',
      )
    const { runRemoteIngest } = await import('./ingest-remote')
    return runRemoteIngest(remote, files, options)
  }
  return withServices({ redis: 'join' }, async ({ handle, redis }) => {
    await migrateDatabase(handle.db)
    const producer = redis?.url ? new JobProducer(ingestJob, redis.url, ingestJobOptions) : null
    const say = (line: string) => (options.json ? process.stderr.write(`${line}\n`) : printLine(line))
    const load = () => loadFiles(handle.db, files, options, producer)
    try {
      // Without --wait nothing here knows when the load ends, so only a waited-for load defers the index.
      return options.wait ? await withBulkIndex(handle.db, files, options.index, say, load) : await load()
    } finally {
      await producer?.close()
    }
  })
}

async function loadFiles(
  db: Database,
  files: string[],
  options: z.infer<typeof optionsSchema>,
  producer: JobProducer<typeof ingestJob.payload> | null,
): Promise<number> {
  const workers = producer ? await producer.workerCount() : 0
  const reports: FileReport[] = []
  for (const file of files) {
    const report = await submitFile(db, file, options)
    if (report.versionId && report.status === 'queued' && producer) {
      await producer.enqueue({ versionId: report.versionId }).catch((error) => {
        // The version is stored; the worker's reconciler will enqueue it when Redis is back.
        process.stderr.write(`warning: could not enqueue ${file}: ${errorMessage(error)}\n`)
      })
    }
    reports.push(report)
  }
  if (options.wait) {
    const inProcess = workers === 0
    if (inProcess && !options.json) printLine('No worker is running: processing in this process.')
    await waitForAll(db, reports, inProcess)
  }
  for (const report of reports) {
    if (options.json) printJson(report)
    else printLine(formatReport(report))
  }
  return reports.some((r) => r.status === 'failed') ? 1 : 0
}

async function submitFile(
  db: Database,
  file: string,
  options: z.infer<typeof optionsSchema>,
): Promise<FileReport> {
  const base: FileReport = {
    path: file,
    documentId: null,
    versionId: null,
    status: 'failed',
    chunks: 0,
    error: null,
    access: null,
  }
  if (!(await isReadable(file))) return { ...base, error: 'File is not readable (permission denied)' }
  let result: SubmitResult
  try {
    const bytes = await readFile(file)
    result = await submitDocumentVersion(db, {
      sourceName: path.basename(file),
      bytes,
      groups: options.group,
      // Without --replace-groups, --group that differs from an existing document's groups is refused
      // (GroupsConflict): re-ingesting a file must never silently change who may read it.
      existingGroups: options.replaceGroups ? 'replace' : 'refuse',
      via: 'cli',
      tags: options.tag,
      applicability: options.appliesTo,
    })
  } catch (error) {
    return { ...base, error: errorMessage(error) }
  }
  const version = await getVersion(db, result.versionId)
  const { before, current, pending } = result.access
  return {
    ...base,
    documentId: result.documentId,
    versionId: result.versionId,
    status: result.status,
    chunks: version?.chunkCount ?? 0,
    error: version?.error ?? null,
    access: { newDocument: result.documentCreated, before, groups: current, pending },
  }
}

/** Waits for every version; with no worker running, processes them here with the worker's own pipeline. */
async function waitForAll(db: Database, reports: FileReport[], inProcess: boolean): Promise<void> {
  const progress = new ProgressLine()
  const deps = {
    db,
    embedder: createEmbeddingProvider(),
    maxBytes: readIngestEnv().INGEST_MAX_MB * 1024 * 1024,
  }
  for (const [index, report] of reports.entries()) {
    if (!report.versionId || report.status === 'ready' || report.status === 'failed') continue
    const label = `${index + 1}/${reports.length} ${path.basename(report.path)}`
    if (inProcess) {
      await processVersion(
        { ...deps, onProgress: (p) => progress.update(label, p.progress / 100, p.stage) },
        report.versionId,
      )
    } else {
      for (;;) {
        const version = await getVersion(db, report.versionId)
        if (!version || version.status === 'ready' || version.status === 'failed') break
        progress.update(label, version.progress / 100, version.stage)
        await sleep(250)
      }
    }
    const version = await getVersion(db, report.versionId)
    report.status = version?.status ?? 'failed'
    report.chunks = version?.chunkCount ?? 0
    report.error = version?.error ?? null
    // Groups waiting for the version were applied (ready) or dropped (failed) when it finished.
    if (report.access?.pending && report.documentId) {
      report.access = {
        ...report.access,
        groups: await documentGroupNames(db, report.documentId),
        pending: null,
      }
    }
  }
  progress.done()
}

function formatReport(report: FileReport): string {
  const name = path.relative(process.cwd(), report.path) || report.path
  const access = report.access ? `; ${describeAccess(report.access)}` : ''
  if (report.status === 'failed') return `✗ ${name}: ${report.error ?? 'failed'}${access}`
  if (report.status === 'ready') return `✓ ${name}: ready, ${report.chunks} chunks${access}`
  return `• ${name}: ${report.status}${access}`
}

const groupList = (groups: string[]) => (groups.length > 0 ? groups.join(', ') : 'no group (admins only)')

/** Says who may read the document now, and what changed, so a re-ingest never changes access unnoticed. */
export function describeAccess(access: AccessReport): string {
  if (access.newDocument) return `new document, readable by ${groupList(access.groups)}`
  const changed = access.before.join() !== access.groups.join()
  const now = changed
    ? `access changed: ${groupList(access.before)} → ${groupList(access.groups)}`
    : `kept its access groups: ${groupList(access.groups)}`
  return access.pending ? `${now}; becomes ${groupList(access.pending)} when this version is ready` : now
}
