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
  type AccessChange,
  changeDocumentAccess,
  type DocumentChange,
  deleteDocumentWithAudit,
  purgeDocumentWithAudit,
  type RetryResult,
  retryFailedVersion,
} from './queries/admin-document-actions'
export {
  type AdminDocumentDetail,
  type AdminDocumentRow,
  type DocumentSearch,
  type DocumentSortKey,
  type DocumentState,
  documentAccess,
  documentSortKeys,
  documentStates,
  getAdminDocument,
  listDocumentTags,
  searchDocuments,
  uniqueDocumentSlug,
} from './queries/admin-documents'
export {
  type ChunkViewRow,
  getVersionOriginal,
  getVersionStatuses,
  listVersionChunks,
  listVersionHistory,
  type VersionHistoryRow,
  type VersionOriginal,
  type VersionStatusRow,
} from './queries/admin-versions'
export {
  type AnswerDetail,
  type DetailCandidate,
  type DetailVersion,
  getAnswerDetail,
} from './queries/answer-detail'
export {
  type AnswerLogFilters,
  type AnswerLogPage,
  type AnswerLogRow,
  countAnswerLog,
  type ExportedTrace,
  exportAnswerLog,
  type FeedbackFilter,
  type LogCursor,
  type LogPageRequest,
  listAnswerLog,
  listLoggedModels,
  listReviewableDocuments,
  type ReviewStatusFilter,
} from './queries/answer-log'
export {
  ADMIN_AUDIT_ACTIONS,
  type AdminAuditAction,
  type AuditEntry,
  type AuditFilters,
  type AuditListRow,
  listAuditActions,
  listAuditLog,
  recordAudit,
} from './queries/audit'
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
export {
  type CuratedChange,
  type CuratedListRow,
  listCuratedAnswers,
  reapproveCuratedAnswer,
  retireCuratedAnswer,
} from './queries/curated-review'
export {
  coverageGapQuestions,
  type DashboardBucket,
  type DashboardStats,
  dashboardStats,
  type GapQuestion,
} from './queries/dashboards'
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
export {
  documentReadableBy,
  hiddenDocumentIds,
  type ReviewViewer,
  traceVisibleTo,
} from './queries/review-access'
export {
  nextInQueue,
  type QueueBucket,
  type QueueCounts,
  type QueueItem,
  type QueuePosition,
  queueBuckets,
  queueCounts,
  queuePositionOf,
  type ReviewInput,
  type StoredReview,
  saveReview,
} from './queries/reviews'
export { type DirectoryUser, listUsersWithGroups } from './queries/user-directory'
export { getUserByEmail, getUserById, listUsers, type UserInput, upsertUser } from './queries/users'
export {
  type AdminGroupRow,
  type AdminUserRow,
  addUserToGroup,
  changeUserRole,
  createGroup,
  type GroupChange,
  listGroupsWithCounts,
  listUsersForAdmin,
  type MembershipChange,
  type RoleChange,
  removeUserFromGroup,
  renameGroup,
} from './queries/users-admin'
export * as schema from './schema'
export {
  type AskDemoQuestion,
  type DemoConversation,
  type DemoConversationsSummary,
  demoConversations,
  seedDemoConversations,
} from './seed/demo-conversations'
export { demoGroups, demoUsers, seedDemoUsers } from './seed/demo-users'
export {
  insertSyntheticTraces,
  type SyntheticDocument,
  type SyntheticSummary,
  seededRandom,
  seedSyntheticDocuments,
} from './seed/synthetic-traces'
