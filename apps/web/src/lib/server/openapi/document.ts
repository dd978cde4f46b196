import 'server-only'
import { buildOpenApiDocument, type OpenApiDocument } from '@/lib/server/openapi/build-document'
import { OPERATIONS } from '@/lib/server/openapi/operations'
import { ownOrigins } from '@/lib/server/request/same-origin-only'

let cached: OpenApiDocument | undefined

/** This deployment's OpenAPI document (its own origin as the server), built once per process. */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument(OPERATIONS, { serverUrl: ownOrigins()[0] ?? '/', version: '0.1.0' })
  return cached
}
