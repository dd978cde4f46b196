import { stat } from 'node:fs/promises'
import { type Database, dropEmbeddingIndex, embeddingIndexState, ensureEmbeddingIndex } from '@policydesk/db'
import { createEmbeddingProvider, type IndexMode, planIndexForLoad, readIngestEnv } from '@policydesk/ingest'

/**
 * Runs a waited-for load with the vector index deferred when that is faster (planIndexForLoad): drop the
 * model's HNSW index, load, build it once at the end — also when the load fails. An interrupted run leaves it
 * to the next `db migrate`/start, which builds a missing index. `say` reports what happens (stderr for --json).
 */
export async function withBulkIndex<T>(
  db: Database,
  files: string[],
  mode: IndexMode,
  say: (line: string) => void,
  load: () => Promise<T>,
): Promise<T> {
  const { model, dimensions } = createEmbeddingProvider()
  const sizes = await Promise.all(
    files.map((file) =>
      stat(file).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  )
  const state = await embeddingIndexState(db, model, dimensions)
  const plan = planIndexForLoad({
    mode,
    bytes: sizes.reduce((sum, size) => sum + size, 0),
    existingRows: state.rows,
    minUnits: readIngestEnv().INGEST_BULK_MIN_PASSAGES,
  })
  if (!plan.defer) return load()
  say(`${capitalise(plan.reason)}; answers stay correct meanwhile (exact search, slower).`)
  await dropEmbeddingIndex(db, model, dimensions)
  try {
    return await load()
  } finally {
    const started = Date.now()
    const rows = (await embeddingIndexState(db, model, dimensions)).rows
    say(`Building the vector index over ${rows} passages…`)
    const built = await ensureEmbeddingIndex(db, model, dimensions)
    say(
      `Vector index built in ${((Date.now() - started) / 1000).toFixed(1)} s${built.buildMemory ? ` (maintenance_work_mem ${built.buildMemory})` : ''}.`,
    )
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
