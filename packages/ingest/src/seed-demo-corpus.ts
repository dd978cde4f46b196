import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { applicabilitySchema, type Database } from '@policydesk/db'
import { z } from 'zod'
import { type ProcessDeps, type ProcessResult, processVersion } from './process-version'
import { submitDocumentVersion } from './submit'

const manifestSchema = z.object({
  documents: z.array(
    z.object({
      file: z.string().min(1),
      title: z.string().min(1),
      groups: z.array(z.string().min(1)).min(1),
      tags: z.array(z.string()).default([]),
      effectiveDate: z.iso.date().optional(),
      /** Whom the document applies to (countries, locations, employmentTypes, departments); absent = everyone. */
      applicability: applicabilitySchema.optional(),
    }),
  ),
})

export type SeedCorpusResult = { file: string; documentId: string; versionId: string; result: ProcessResult }

/**
 * Ingests the demo corpus described by `samples/manifest.json` (titles, access groups, tags) and returns
 * once every document is ready or failed. Processing happens in this process with the same pipeline the
 * worker runs; already-ingested files are no-ops, so seeding twice changes nothing.
 */
export async function seedDemoCorpus(
  db: Database,
  deps: Omit<ProcessDeps, 'db'>,
  samplesDir: string,
  onFile?: (done: number, total: number, file: string) => void,
): Promise<SeedCorpusResult[]> {
  const manifest = manifestSchema.parse(
    JSON.parse(await readFile(path.join(samplesDir, 'manifest.json'), 'utf8')),
  )
  const results: SeedCorpusResult[] = []
  for (const [index, entry] of manifest.documents.entries()) {
    onFile?.(index, manifest.documents.length, entry.file)
    const bytes = await readFile(path.join(samplesDir, 'policies', entry.file))
    const submitted = await submitDocumentVersion(db, {
      sourceName: entry.file,
      title: entry.title,
      bytes,
      groups: entry.groups,
      // The manifest is the demo's access: seeding over files ingested without groups restricts the hr
      // documents again (by the replace rule, audited as `via: seed`).
      existingGroups: 'replace',
      via: 'seed',
      tags: entry.tags,
      // The manifest is the demo's truth: a document without the field applies to everyone.
      applicability: entry.applicability ?? {},
      effectiveDate: entry.effectiveDate,
    })
    const result = await processVersion({ ...deps, db }, submitted.versionId)
    results.push({
      file: entry.file,
      documentId: submitted.documentId,
      versionId: submitted.versionId,
      result,
    })
  }
  onFile?.(manifest.documents.length, manifest.documents.length, '')
  return results
}
