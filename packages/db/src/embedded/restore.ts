import { readFileSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { vector } from '@electric-sql/pglite-pgvector'
import { dataDir, errorMessage, UserFacingError } from '@policydesk/runtime'

export type RestoreResult = { documents: number; previous: string | null }

/**
 * Replaces the embedded database with a backup made by `policydesk db backup`. The archive is unpacked
 * into a new folder and opened there first (a damaged or foreign file fails here, with the current data
 * untouched); only then is the current data dir moved aside (kept, named in the result) and the restored
 * one put in its place. The caller makes sure no daemon runs.
 */
export async function restoreEmbeddedDataDir(archive: string): Promise<RestoreResult> {
  let bytes: Buffer
  try {
    bytes = readFileSync(archive)
  } catch (error) {
    throw new UserFacingError(`Cannot read the backup ${archive}: ${errorMessage(error)}`)
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const target = path.join(dataDir(), 'pg')
  const staging = path.join(dataDir(), `pg.restoring-${stamp}`)
  let documents: number
  try {
    const db = await PGlite.create({
      dataDir: staging,
      loadDataDir: new Blob([new Uint8Array(bytes)]),
      extensions: { vector },
    })
    try {
      const result = await db.query<{ n: number }>('select count(*)::int as n from documents')
      documents = result.rows[0]?.n ?? 0
    } finally {
      await db.close()
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    throw new UserFacingError(
      `${archive} is not a Policy Desk backup (${errorMessage(error)}); nothing was changed`,
    )
  }
  const previous = path.join(dataDir(), `pg.before-restore-${stamp}`)
  let moved = false
  try {
    renameSync(target, previous)
    moved = true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  renameSync(staging, target)
  return { documents, previous: moved ? previous : null }
}
