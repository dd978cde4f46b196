export { sql } from 'drizzle-orm'
export {
  assertDatabaseReachable,
  createDb,
  type Database,
  type DbHandle,
  type DbOrTx,
  redactUrl,
  type Tx,
} from './client'
export { readDbEnv } from './env'
export { migrationsFolder, runMigrations } from './migrate'
export { bumpCorpusRevision, getCorpusRevision } from './queries/corpus'
export {
  countChunks,
  type DocumentListRow,
  documentGroupNames,
  findDocumentBySlug,
  findStaleVersions,
  getDocument,
  getVersion,
  listDocuments,
  listVersions,
  purgeDocument,
  setDocumentGroups,
  softDeleteDocument,
  updateVersionProgress,
  type VersionProgress,
} from './queries/documents'
export { embeddingIndexName, ensureEmbeddingIndex } from './queries/embedding-index'
export {
  EVERYONE_GROUP,
  ensureGroup,
  ensureGroups,
  findGroupsByName,
  groupIdByName,
  listGroups,
  readableGroupIds,
} from './queries/groups'
export { getUserByEmail, getUserById, listUsers, type UserInput, upsertUser } from './queries/users'
export * as schema from './schema'
export { demoGroups, demoUsers, seedDemoUsers } from './seed/demo-users'
