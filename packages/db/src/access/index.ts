/**
 * Who may see what: the one home of the access rule (docs/security.md). Query modules compose these
 * functions; none of them names document_groups itself (one-home.test.ts).
 */
export {
  hiddenDocumentsAmong,
  type ReadableCandidate,
  type RedactedCandidate,
  redactCandidates,
  type VisibleCandidate,
} from './candidates'
export { curatedVisibleTo } from './curated'
export { datasetVisibleTo } from './datasets'
export {
  documentAccess,
  documentCountOf,
  documentGroupNames,
  groupNamesOf,
  setDocumentGroups,
  sharedWithGroupNamed,
} from './document-groups'
export {
  documentReadableBy,
  hiddenDocumentIds,
  hiddenDocumentIdsForGroups,
  type ReadableVersionsFilter,
  readableByGroups,
  readableCurrentVersions,
} from './documents'
export {
  citableInReply,
  type HandoffViewer,
  handlesHandoffs,
  handoffAnswerableBy,
  handoffVisibleTo,
} from './handoffs'
export {
  earlierTurnVersionIds,
  outerId,
  type TraceRef,
  traceReadableByGroups,
  traceSourcesReadableBy,
  traceVisibleTo,
} from './traces'
export { type ContextMessage, visibleTurns } from './turns'
export { type ReviewViewer, seesEverything, type Viewer } from './viewer'
