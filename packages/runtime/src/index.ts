export { childEnv, type RuntimeEnv, readRuntimeEnv } from './env'
export { errorMessage, redactUrl, UserFacingError } from './errors'
export { createLogger, type Logger } from './log'
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
