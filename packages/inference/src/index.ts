export { createInferenceDeps } from './deps'
export { readInferenceEnv } from './env'
export { covers, tokenF1 } from './eval/metrics'
export { type CorpusDocument, type EvalQuestion, parseQuestions, resolveDocIds } from './eval/questions'
export { type EvalReport, runEval, type SweepPoint, TOKEN_BUDGETS } from './eval/run-eval'
export { composeExtractiveAnswer } from './generate/extractive-answer'
export { EXTRACTIVE_MODEL, ExtractiveChatModel } from './generate/extractive-chat-model'
export { answer, streamAnswer } from './pipeline/answer'
export { answerCacheKey, normalizeQuestion } from './pipeline/answer-cache'
export { CURATED_MATCH, findCuratedAnswer, type PromoteInput, promoteCuratedAnswer } from './pipeline/curated'
export { retrieve, retrieveContext } from './pipeline/retrieve'
export { rewriteFollowUp, type Turn } from './pipeline/rewrite'
export type {
  AnswerCitation,
  AnswerEvent,
  AnswerInput,
  AnswerResult,
  Asker,
  InferenceDeps,
  RetrievalEvent,
} from './pipeline/types'
export { ABSTENTION, buildAnswerPrompt, PROMPT_VERSION } from './prompt/answer-prompt'
export { OMISSION_PLACEHOLDER, omitUntrustedSentences } from './prompt/omit-untrusted'
export { type ChatProvider, createChatProvider } from './providers/chat-provider'
export {
  type CrossEncoderConfig,
  type CrossEncoderOutcome,
  crossEncoderLabel,
  crossEncoderRerank,
  readCrossEncoderConfig,
} from './retrieve/cross-encoder-rerank'
export { reciprocalRankFusion } from './retrieve/fusion'
export { hybridSearch } from './retrieve/hybrid-search'
export { PolicyDeskRetriever } from './retrieve/langchain-retriever'
export {
  chunkKey,
  type FeatureContext,
  loadRanker,
  parseRanker,
  RANKER_FEATURES,
  type RankerArtifact,
  type RankerInput,
  rankerArtifactSchema,
  rankerFeatures,
  rerankCandidates,
  scoreRows,
} from './retrieve/rerank'
export { type ContextPassage, selectContext } from './retrieve/select-context'
export type { Candidate, RetrievalFilters } from './retrieve/types'
export { MAX_SEARCH_RESULTS, type SearchPassage, searchPassages } from './search/search-passages'
export {
  addToDate,
  DateInputError,
  differenceBetween,
  noticeDeadline,
  proRataLeave,
} from './tools/calculate-dates'
export { MAX_TOOL_ROUNDS } from './tools/session'
export { summarizeToolCall, type ToolCallSummary } from './tools/summary'
export { type Validation, validateAnswer } from './validate/validate-answer'
