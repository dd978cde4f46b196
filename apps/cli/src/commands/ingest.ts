import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { type Database, getVersion } from '@policydesk/db'
import {
  createEmbeddingProvider,
  processVersion,
  readIngestEnv,
  type SubmitResult,
  submitDocumentVersion,
} from '@policydesk/ingest'
import { ingestJob, ingestJobOptions, JobProducer } from '@policydesk/jobs'
import { errorMessage, sleep } from '@policydesk/runtime'
import type { Command } from 'commander'
import { z } from 'zod'
import { collectFiles, isReadable } from '../lib/collect-files'
import { printJson, printLine, runCommand } from '../lib/output'
import { migrateDatabase } from '../lib/prepare-database'
import { ProgressLine } from '../lib/progress'
import { withServices } from '../lib/services'

const optionsSchema = z.object({
  group: z.array(z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'group names are lower-case slugs')).optional(),
  tag: z.array(z.string().min(1).max(64)).optional(),
  wait: z.boolean().default(false),
  json: z.boolean().default(false),
})

type FileReport = {
  path: string
  documentId: string | null
  versionId: string | null
  status: string
  chunks: number
  error: string | null
}

const collect = (value: string, previous: string[] = []) => [...previous, value]

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('store files as document versions and process them (parse → chunk → embed → store)')
    .argument('<paths...>', 'files or directories')
    .option('--group <name>', 'access group (repeatable; default everyone)', collect)
    .option('--tag <tag>', 'tag (repeatable)', collect)
    .option('--wait', 'wait until every file is ready or failed (processes in-process if no worker runs)')
    .option('--json', 'one JSON object per line per file')
    .action((paths: string[], raw: unknown) => runCommand(() => ingest(paths, optionsSchema.parse(raw))))
}

async function ingest(paths: string[], options: z.infer<typeof optionsSchema>): Promise<number> {
  const files = await collectFiles(paths)
  return withServices({ redis: 'join' }, async ({ handle, redis }) => {
    await migrateDatabase(handle.db)
    const producer = redis?.url ? new JobProducer(ingestJob, redis.url, ingestJobOptions) : null
    try {
      const workers = producer ? await producer.workerCount() : 0
      const reports: FileReport[] = []
      for (const file of files) {
        const report = await submitFile(handle.db, file, options)
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
        await waitForAll(handle.db, reports, inProcess)
      }
      for (const report of reports) {
        if (options.json) printJson(report)
        else printLine(formatReport(report))
      }
      return reports.some((r) => r.status === 'failed') ? 1 : 0
    } finally {
      await producer?.close()
    }
  })
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
  }
  if (!(await isReadable(file))) return { ...base, error: 'File is not readable (permission denied)' }
  let result: SubmitResult
  try {
    const bytes = await readFile(file)
    result = await submitDocumentVersion(db, {
      sourceName: path.basename(file),
      bytes,
      groups: options.group,
      tags: options.tag,
    })
  } catch (error) {
    return { ...base, error: errorMessage(error) }
  }
  const version = await getVersion(db, result.versionId)
  return {
    ...base,
    documentId: result.documentId,
    versionId: result.versionId,
    status: result.status,
    chunks: version?.chunkCount ?? 0,
    error: version?.error ?? null,
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
  }
  progress.done()
}

function formatReport(report: FileReport): string {
  const name = path.relative(process.cwd(), report.path) || report.path
  if (report.status === 'failed') return `✗ ${name}: ${report.error ?? 'failed'}`
  if (report.status === 'ready') return `✓ ${name}: ready, ${report.chunks} chunks`
  return `• ${name}: ${report.status}`
}
