export {
  type Applicability,
  applicabilityAttribute,
  applicabilityKeys,
  type UserAttributes,
  userAttributeKeys,
} from '../schema/profiles'
export { attributesFromClaims, type ClaimMapping, parseClaimMapping } from './claims'
export { applicabilityLabel, COUNTRY_NAMES, countryName, describeApplicability } from './countries'
export { MAX_IMPORT_ROWS, type ParsedImport, parseAttributesCsv } from './csv'
export { applicabilityOfProfile } from './scope'
export {
  applicabilitySchema,
  applyAttributesPatch,
  countryCode,
  describeIssues,
  isoDate,
  isRestricted,
  normaliseApplicability,
  normaliseAttributes,
  parseAppliesTo,
  type UserAttributesPatch,
  userAttributesPatchSchema,
  userAttributesSchema,
} from './validation'
