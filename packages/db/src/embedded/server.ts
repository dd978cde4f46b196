import { PGlite } from '@electric-sql/pglite'
import { vector } from '@electric-sql/pglite-pgvector'
import { WireServer } from './wire-server'

export type EmbeddedServer = {
  port: number
  url: string
  clientCount: () => number
  /** A gzipped tarball of the data dir, taken between transactions (PGlite's dumpDataDir). */
  snapshot: () => Promise<Uint8Array>
  stop: () => Promise<void>
}

/**
 * Serves PGlite (Postgres in WASM, with pgvector) on 127.0.0.1 over the Postgres wire protocol, so every
 * process talks to it with `pg` exactly as to a real server. `dataDir` undefined = in memory (tests).
 */
export async function startEmbeddedServer(options: {
  dataDir?: string
  port: number
}): Promise<EmbeddedServer> {
  const db = await PGlite.create({ dataDir: options.dataDir, extensions: { vector } })
  const server = new WireServer(db)
  await server.listen(options.port)
  let stopped = false
  return {
    port: options.port,
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/postgres`,
    clientCount: () => server.clientCount,
    snapshot: () =>
      server.withIdleSession(async () => {
        await db.exec('CHECKPOINT')
        const blob = await db.dumpDataDir('gzip')
        return new Uint8Array(await blob.arrayBuffer())
      }),
    stop: async () => {
      if (stopped) return
      stopped = true
      await server.close()
      await db.close()
    },
  }
}
