import { findFreePort } from '@policydesk/runtime'
import { createDb, type DbHandle } from '../client'
import { runMigrations } from '../migrate'
import { startEmbeddedServer } from './server'

export type EphemeralDatabase = DbHandle & { url: string; stop: () => Promise<void> }

/**
 * A fresh, migrated, in-memory embedded Postgres (pgvector included) on its own port: real SQL over the
 * real wire protocol, sharing nothing with `.data/`. ~2 s to start. Used by tests and `policydesk eval`.
 */
export async function startEphemeralDatabase(): Promise<EphemeralDatabase> {
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
