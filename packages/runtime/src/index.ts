export { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF, RestartBackoff } from './backoff'
export { childEnv, type RuntimeEnv, readRuntimeEnv } from './env'
export { errorMessage, redactUrl, UserFacingError } from './errors'
export {
  ALLOW_REMOTE_DB_VARIABLE,
  devSignInDatabaseProblem,
  devSignInExposureWarning,
  isLocalDatabaseUrl,
  isLoopbackHost,
  isWildcardHost,
} from './local-only'
export { contentField, createLogger, type LogFields, type Logger } from './log'
export {
  addLogContext,
  currentLogContext,
  type LogContext,
  runWithLogContext,
  setTraceContextProvider,
} from './log-context'
export { canConnect, findFreePort, sleep } from './net'
export { parseEnv } from './parse-env'
export { dataDir, findProjectRoot } from './paths'
export {
  claimServiceState,
  isProcessAlive,
  publishServicePort,
  readServiceState,
  releaseServiceState,
  type ServiceState,
} from './service-state'
export {
  EXAMPLE_SECRET_PLACEHOLDERS,
  MIN_SECRET_BYTES,
  readOrCreateSessionSecret,
  SESSION_SECRET_FILE,
  sessionSecretProblem,
} from './session-secret'
export {
  type SupervisedChild,
  type SuperviseOptions,
  stopChildProcess,
  superviseChild,
} from './supervise-child'
