import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Database } from '@policydesk/db'
import {
  createEmbeddingProvider,
  type ProcessResult,
  processVersion,
  readIngestEnv,
  submitDocumentVersion,
} from '@policydesk/ingest'

/** Stores and processes files in this process with the worker's pipeline (eval, benchmarks). */
export async function ingestFilesInProcess(
  db: Database,
  files: string[],
  onFile?: (done: number, total: number, file: string) => void,
): Promise<{ file: string; result: ProcessResult }[]> {
  const deps = {
    db,
    embedder: createEmbeddingProvider(),
    maxBytes: readIngestEnv().INGEST_MAX_MB * 1024 * 1024,
  }
  const results: { file: string; result: ProcessResult }[] = []
  for (const [index, file] of files.entries()) {
    onFile?.(index, files.length, file)
    const submitted = await submitDocumentVersion(db, {
      sourceName: path.basename(file),
      bytes: await readFile(file),
    })
    results.push({ file, result: await processVersion(deps, submitted.versionId) })
  }
  return results
}
