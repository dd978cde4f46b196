export {
  API_TOKEN_SCOPES,
  type ApiTokenScope,
  grantsAnyScope,
  SCOPE_DESCRIPTIONS,
  scopesForRole,
} from './scopes'
export { generateTokenSecret, hashTokenSecret, isWellFormedTokenSecret, TOKEN_PREFIX } from './secret'
