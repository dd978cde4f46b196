export { childEnv, type RuntimeEnv, readRuntimeEnv } from './env'
export { errorMessage, UserFacingError } from './errors'
export { createLogger, type Logger } from './log'
export { canConnect, findFreePort, sleep } from './net'
export { dataDir, findProjectRoot } from './paths'
export {
  claimServiceState,
  isProcessAlive,
  publishServicePort,
  readServiceState,
  releaseServiceState,
  type ServiceState,
} from './service-state'
