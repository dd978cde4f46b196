import { findFreePort } from '@policydesk/runtime'
import { createDb, type DbHandle } from '../client'
import { startEmbeddedServer } from '../embedded/server'
import { runMigrations } from '../migrate'

export type TestDatabase = DbHandle & { url: string; stop: () => Promise<void> }

/**
 * A fresh, migrated, in-memory embedded Postgres (pgvector included) on its own port: real SQL, real wire
 * protocol, nothing shared with `.data/`. ~2 s to start.
 */
export async function startTestDatabase(): Promise<TestDatabase> {
  const server = await startEmbeddedServer({ port: await findFreePort() })
  const handle = createDb(server.url)
  await runMigrations(handle.db)
  return {
    ...handle,
    url: server.url,
    stop: async () => {
      await handle.close()
      await server.stop()
    },
  }
}

/** Empties every application table (keeps migrations) so tests sharing one server start clean. */
export async function truncateAll(handle: DbHandle): Promise<void> {
  await handle.pool.query(`
    TRUNCATE audit_log, finetune_jobs, finetune_datasets, reviews, feedback, answer_traces, messages,
      conversations, chunk_embeddings, chunks, document_groups, document_versions, documents,
      corpus_revision, user_groups, groups, users CASCADE`)
}
