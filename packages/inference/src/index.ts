export { createInferenceDeps } from './deps'
export { readInferenceEnv } from './env'
export { covers, tokenF1 } from './eval/metrics'
export { type EvalQuestion, parseQuestions } from './eval/questions'
export { type EvalReport, runEval, TOKEN_BUDGETS } from './eval/run-eval'
export { composeExtractiveAnswer } from './generate/extractive-answer'
export { EXTRACTIVE_MODEL, ExtractiveChatModel } from './generate/extractive-chat-model'
export { answer, streamAnswer } from './pipeline/answer'
export { answerCacheKey, normalizeQuestion } from './pipeline/answer-cache'
export { CURATED_MATCH, findCuratedAnswer, type PromoteInput, promoteCuratedAnswer } from './pipeline/curated'
export { retrieve } from './pipeline/retrieve'
export { rewriteFollowUp, type Turn } from './pipeline/rewrite'
export type {
  AnswerCitation,
  AnswerEvent,
  AnswerInput,
  AnswerResult,
  Asker,
  InferenceDeps,
} from './pipeline/types'
export { ABSTENTION, buildAnswerPrompt, PROMPT_VERSION } from './prompt/answer-prompt'
export { type ChatProvider, createChatProvider } from './providers/chat-provider'
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
export { selectContext } from './retrieve/select-context'
export type { Candidate, RetrievalFilters } from './retrieve/types'
export { type Validation, validateAnswer } from './validate/validate-answer'
