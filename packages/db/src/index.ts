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
export {
  addMessage,
  type CitationSource,
  type ConversationSummary,
  citationSources,
  conversationTurns,
  createConversation,
  getConversation,
  listConversations,
  listMessages,
  renameConversation,
  type StoredMessage,
  softDeleteConversation,
  touchConversation,
} from './queries/conversations'
export { bumpCorpusRevision, getCorpusRevision } from './queries/corpus'
export { type DocumentOriginal, readableDocumentOriginal } from './queries/document-original'
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
  type FeedbackInput,
  type FeedbackListRow,
  getFeedbackForTrace,
  listRecentFeedback,
  type StoredFeedback,
  upsertFeedback,
} from './queries/feedback'
export {
  EVERYONE_GROUP,
  ensureGroup,
  ensureGroups,
  findGroupsByName,
  groupIdByName,
  listGroups,
  readableGroupIds,
} from './queries/groups'
export { type DirectoryUser, listUsersWithGroups } from './queries/user-directory'
export { getUserByEmail, getUserById, listUsers, type UserInput, upsertUser } from './queries/users'
export * as schema from './schema'
export { demoGroups, demoUsers, seedDemoUsers } from './seed/demo-users'
