export { type EphemeralDatabase, startEphemeralDatabase } from './ephemeral'
export { acquireDatabase, type DatabaseTarget, findRunningEmbeddedDatabase } from './launcher'
export { type EmbeddedServer, startEmbeddedServer } from './server'
