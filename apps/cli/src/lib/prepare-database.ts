import path from 'node:path'
import {
  type Database,
  ensureEmbeddingIndex,
  runMigrations,
  schema,
  seedDemoUsers,
  sql,
} from '@policydesk/db'
import {
  backfillChunkTerms,
  createEmbeddingProvider,
  readIngestEnv,
  type SeedCorpusResult,
  seedDemoCorpus,
} from '@policydesk/ingest'
import { findProjectRoot } from '@policydesk/runtime'
import { readCliEnv } from '../env'

/**
 * Migrations, the BM25 terms of chunks stored before they existed (a data migration in TypeScript, resumable),
 * and the HNSW index of the active embedding model: everything `db migrate` guarantees.
 */
export async function migrateDatabase(db: Database): Promise<void> {
  await runMigrations(db)
  await backfillChunkTerms(db)
  const { model, dimensions } = createEmbeddingProvider()
  await ensureEmbeddingIndex(db, model, dimensions)
}

export function samplesDir(): string {
  return readCliEnv().POLICYDESK_SAMPLES_DIR ?? path.join(findProjectRoot(), 'samples')
}

export async function seedDatabase(
  db: Database,
  onFile?: (done: number, total: number, file: string) => void,
): Promise<SeedCorpusResult[]> {
  await seedDemoUsers(db)
  return seedDemoCorpus(
    db,
    { embedder: createEmbeddingProvider(), maxBytes: readIngestEnv().INGEST_MAX_MB * 1024 * 1024 },
    samplesDir(),
    onFile,
  )
}

export async function isSeeded(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(schema.documents)
  return (row?.n ?? 0) > 0
}
