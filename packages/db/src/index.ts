export { sql } from 'drizzle-orm'
export {
  type ContextMessage,
  citableInReply,
  curatedVisibleTo,
  datasetVisibleTo,
  documentAccess,
  documentCountOf,
  documentGroupNames,
  documentReadableBy,
  earlierTurnVersionIds,
  groupNamesOf,
  type HandoffViewer,
  handlesHandoffs,
  handoffAnswerableBy,
  handoffVisibleTo,
  hiddenDocumentIds,
  hiddenDocumentIdsForGroups,
  hiddenDocumentsAmong,
  outerId,
  type ReadableCandidate,
  type ReadableVersionsFilter,
  type RedactedCandidate,
  type ReviewViewer,
  readableByGroups,
  readableCurrentVersions,
  redactCandidates,
  seesEverything,
  setDocumentGroups,
  sharedWithGroupNamed,
  type TraceRef,
  traceReadableByGroups,
  traceSourcesReadableBy,
  traceVisibleTo,
  type Viewer,
  type VisibleCandidate,
  visibleTurns,
} from './access'
export {
  API_TOKEN_SCOPES,
  type ApiTokenScope,
  grantsAnyScope,
  isWellFormedTokenSecret,
  SCOPE_DESCRIPTIONS,
  scopesForRole,
  TOKEN_PREFIX,
} from './api-tokens'
export {
  assertDatabaseReachable,
  createDb,
  type Database,
  type DbHandle,
  type DbOrTx,
  redactUrl,
  type Tx,
} from './client'
export { type HandoffEnv, readDbEnv, readHandoffEnv } from './env'
export { type MigrationStatus, migrationStatus, migrationsFolder, runMigrations } from './migrate'
export * from './profiles'
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
export { readAnswerCache, writeAnswerCache } from './queries/answer-cache'
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
export { insertAnswerTrace, type NewAnswerTrace } from './queries/answer-traces'
export {
  type ApiTokenStatus,
  type ApiTokenSummary,
  type CreatedApiToken,
  createApiToken,
  listApiTokens,
  MAX_TOKEN_DAYS,
  type NewApiToken,
  revokeApiToken,
  type TokenRevocation,
  type TokenVerification,
  type VerifiedApiToken,
  verifyApiToken,
} from './queries/api-tokens'
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
  addAnswerMessage,
  addMessage,
  type CitationSource,
  type ConversationSummary,
  citationSources,
  conversationTurns,
  createConversation,
  createConversationWithQuestion,
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
  type CuratedSourceChunk,
  curatedSourceChunks,
  flagCuratedAnswer,
  insertCuratedAnswer,
  listActiveCuratedAnswers,
  listCuratedAnswers,
  type NewCuratedAnswer,
  reapproveCuratedAnswer,
  retireCuratedAnswer,
} from './queries/curated-answers'
export {
  coverageGapQuestions,
  type DashboardBucket,
  type DashboardStats,
  dashboardStats,
  type GapQuestion,
} from './queries/dashboards'
export {
  type ChunkRow,
  loadChunks,
  loadDistractorPool,
  loadReviewedTraces,
  loadUserNames,
  type ReviewedTrace,
  type ReviewFilter,
} from './queries/dataset-sources'
export {
  type Dataset,
  type DatasetDownload,
  type DatasetListRow,
  type FineTuneJobListRow,
  getDataset,
  getDatasetContent,
  insertDataset,
  listDatasets,
  listFineTunedModels,
  listFineTuneJobs,
  type NewDataset,
  splitDatasetContent,
} from './queries/datasets'
export { type DocumentOriginal, readableDocumentOriginal } from './queries/document-original'
export {
  type DocumentText,
  type DocumentTextPassage,
  listReadableDocuments,
  type ReadableDocumentRow,
  readableDocumentText,
} from './queries/document-text'
export {
  countChunks,
  type DocumentListRow,
  findDocumentBySlug,
  findStaleVersions,
  getDocument,
  getVersion,
  listDocuments,
  listVersions,
  purgeDocument,
  softDeleteDocument,
  updateVersionProgress,
  type VersionProgress,
  versionNumbers,
} from './queries/documents'
export {
  dropEmbeddingIndex,
  embeddingIndexName,
  embeddingIndexState,
  ensureEmbeddingIndex,
} from './queries/embedding-index'
export {
  type FeedbackInput,
  type FeedbackListRow,
  getFeedbackForTrace,
  listRecentFeedback,
  type StoredFeedback,
  upsertFeedback,
} from './queries/feedback'
export {
  auditFineTuneJob,
  type FineTuneJobRow,
  findFineTuneJob,
  insertFineTuneJob,
  type NewFineTuneJob,
  updateFineTuneJob,
} from './queries/finetune-jobs'
export {
  EVERYONE_GROUP,
  ensureGroup,
  ensureGroups,
  findGroupsByName,
  groupIdByName,
  listGroups,
  readableGroupIds,
} from './queries/groups'
export * from './queries/handoffs'
export {
  type OidcSignIn,
  type OidcSignInResult,
  signInOidcUser,
} from './queries/oidc-users'
export {
  type ApplicabilityChange,
  type AttributesChange,
  type AttributesImport,
  type AttributesImportRow,
  dismissSuggestedApplicability,
  getUserAttributes,
  importUserAttributes,
  mergeUserAttributes,
  setDocumentApplicability,
  suggestDocumentApplicability,
  updateUserAttributes,
} from './queries/profiles'
export {
  loadRankerReviews,
  loadRatedCitations,
  type RankerReviewRow,
  type RatedCitationsRow,
} from './queries/ranker-sources'
export {
  deleteUserHistory,
  type HistoryDeletion,
  purgeExpiredHistory,
  type RetentionResult,
} from './queries/retention'
export {
  type ChunkSearchRequest,
  type ChunkSearchResult,
  type ChunkSearchRow,
  chunkSearchStatement,
  type NeighbourRow,
  type SearchFilters,
  searchChunks,
  type TermStats,
} from './queries/retrieval'
export {
  insertOperatorReview,
  nextInQueue,
  type QueueBucket,
  type QueueCounts,
  type QueueItem,
  type QueuePosition,
  queueBuckets,
  queueCounts,
  queuePositionOf,
  type ReviewInput,
  reviewNotesStartingWith,
  type StoredReview,
  saveReview,
} from './queries/reviews'
export {
  databaseSizeBytes,
  type FailedVersionRow,
  listFailedVersions,
  type VectorIndexStatus,
  vectorIndexStatus,
  versionStatusCounts,
} from './queries/system-status'
export { replaceVersionTermStats } from './queries/term-stats'
export { type DirectoryUser, listUsersWithGroups } from './queries/user-directory'
export {
  getUserByEmail,
  getUserById,
  getUserWithReadableGroups,
  listUsers,
  setUserGroups,
  type UserInput,
  upsertUser,
} from './queries/users'
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
export {
  type AttemptClaim,
  claimVersionAttempt,
  endVersionAttempt,
  failVersion,
  reportAttemptProgress,
} from './queries/version-attempts'
export {
  HEARTBEAT_INTERVAL_MS,
  HEARTBEAT_STALE_MS,
  listWorkerHeartbeats,
  recordHeartbeat,
  recordReconcileRun,
  removeHeartbeat,
  type WorkerHeartbeatRow,
  type WorkerIdentity,
} from './queries/worker-heartbeats'
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
export { isDatabaseUnavailable } from './unavailable'
export {
  backoffDelay,
  deliverDueWebhooks,
  signWebhook,
  WEBHOOK_DEFAULTS,
  type WebhookSettings,
} from './webhooks/deliver'
