export {
  type HandoffFailure,
  markHandoffRepliesRead,
  PROMOTE_SCOPES,
  type PromoteResult,
  type PromoteScope,
  promoteHandoffReply,
  type ReplyCitationInput,
  type ReplyResult,
  replyToHandoff,
  type UpdateResult,
  updateHandoff,
} from './actions'
export { documentOwnerGroupId, setDocumentOwner, setGroupPermissions } from './admin'
export {
  answeredByPersonNotInDocuments,
  type HandoffStats,
  handoffStats,
  type PersonAnswerGap,
} from './analytics'
export {
  bestMatchingDocument,
  type CreateHandoffInput,
  type CreateHandoffResult,
  createHandoff,
  type HandoffRouting,
  parseTagOwners,
  routeHandoff,
} from './create'
export {
  decodeHandoffCursor,
  encodeHandoffCursor,
  getHandoff,
  type HandoffDetail,
  type HandoffListRow,
  type HandoffReplyView,
  listHandoffs,
  viewerHandlesHandoffs,
} from './inbox'
export {
  claimWebhookDelivery,
  dueWebhookDeliveries,
  enqueueWebhook,
  type HandoffEvent,
  type HandoffWebhook,
  listWebhookDeliveries,
  recordWebhookAttempt,
  retryWebhookDelivery,
  type WebhookDeliveryRow,
} from './webhook-deliveries'
