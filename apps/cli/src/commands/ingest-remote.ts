import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { schema } from '@policydesk/db'
import { sleep, UserFacingError } from '@policydesk/runtime'
import { z } from 'zod'
import { printJson, printLine } from '../lib/output'
import { type Remote, remoteFetch } from '../lib/remote'

const uploadSchema = z.object({
  results: z.array(
    z.union([
      z.object({
        fileName: z.string(),
        ok: z.literal(true),
        documentId: z.string(),
        versionId: z.string(),
        status: z.string(),
        created: z.boolean(),
      }),
      z.object({ fileName: z.string(), ok: z.literal(false), error: z.string() }),
    ]),
  ),
})
const statusSchema = z.object({
  versions: z.array(
    z.object({
      id: z.string(),
      status: z.string(),
      chunkCount: z.number().nullable(),
      error: z.string().nullable(),
    }),
  ),
})

type RemoteReport = {
  path: string
  documentId: string | null
  versionId: string | null
  status: string
  chunks: number
  error: string | null
}

const DONE = new Set(['ready', 'failed'])

/**
 * `policydesk ingest` against a remote server (`policydesk login`): each file is uploaded through the admin
 * upload API (token scope documents:write) — one request per file, so a refused file does not stop the
 * others — and with --wait its version is polled until ready or failed.
 */
export async function runRemoteIngest(
  remote: Remote,
  files: string[],
  options: {
    group?: string[]
    tag?: string[]
    appliesTo?: schema.Applicability
    wait: boolean
    json: boolean
  },
): Promise<number> {
  const reports: RemoteReport[] = []
  for (const file of files) {
    const form = new FormData()
    form.append('file', new Blob([await readFile(file)]), path.basename(file))
    if (options.group) form.append('groups', options.group.join(','))
    if (options.tag) form.append('tags', options.tag.join(','))
    // The server takes KEY=VALUES pairs, one field each (the same parser as --applies-to here).
    for (const [key, values] of Object.entries(options.appliesTo ?? {}))
      if (values?.length) form.append('appliesTo', `${key}=${values.join(',')}`)
    const report: RemoteReport = {
      path: file,
      documentId: null,
      versionId: null,
      status: 'failed',
      chunks: 0,
      error: null,
    }
    try {
      const response = await remoteFetch(remote, '/api/documents', { method: 'POST', body: form })
      const [result] = uploadSchema.parse(await response.json()).results
      if (result?.ok)
        Object.assign(report, {
          documentId: result.documentId,
          versionId: result.versionId,
          status: result.status,
        })
      else report.error = result?.error ?? 'refused'
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error
      // A refused file (415, 413, 422…) is this file's failure; a 401/403 stops everything.
      if (/ answered 40[13]:/.test(error.message)) throw error
      report.error = error.message
    }
    reports.push(report)
  }
  if (options.wait) await waitForVersions(remote, reports)
  for (const report of reports) {
    if (options.json) printJson(report)
    else
      printLine(
        `${report.status.padEnd(8)} ${report.path}${report.chunks ? ` (${report.chunks} chunks)` : ''}${report.error ? `: ${report.error}` : ''}`,
      )
  }
  return reports.some((r) => r.status === 'failed') ? 1 : 0
}

async function waitForVersions(remote: Remote, reports: RemoteReport[]): Promise<void> {
  const deadline = Date.now() + 10 * 60_000
  for (;;) {
    const pending = reports.filter((r) => r.versionId && !DONE.has(r.status))
    if (pending.length === 0) return
    if (Date.now() > deadline)
      throw new UserFacingError(`${pending.length} file(s) still processing after 10 minutes`)
    await sleep(1_000)
    const ids = pending.map((r) => r.versionId).join(',')
    const { versions } = statusSchema.parse(
      await (await remoteFetch(remote, `/api/admin/versions/status?ids=${ids}`)).json(),
    )
    for (const version of versions) {
      const report = reports.find((r) => r.versionId === version.id)
      if (report)
        Object.assign(report, {
          status: version.status,
          chunks: version.chunkCount ?? 0,
          error: version.error,
        })
    }
  }
}
