import { z } from 'zod'
import { errorSchema } from '@/lib/server/openapi/schemas'
import type { Access, Operation } from '@/lib/server/openapi/types'

type JsonSchema = Record<string, unknown>
type Parameter = {
  name: string
  in: 'path' | 'query'
  required: boolean
  schema: JsonSchema
  description?: string
}
type Response = { description: string; content?: Record<string, { schema: JsonSchema }> }
type OperationObject = {
  operationId: string
  tags: string[]
  summary: string
  description?: string
  parameters?: Parameter[]
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> }
  responses: Record<string, Response>
  security?: Record<string, string[]>[]
  'x-policydesk-access': Access
}
export type OpenApiDocument = {
  openapi: '3.1.0'
  info: { title: string; version: string; description: string }
  servers: { url: string }[]
  paths: Record<string, Record<string, OperationObject>>
  components: { securitySchemes: Record<string, JsonSchema>; schemas: Record<string, JsonSchema> }
}

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of a zod schema, without the `$schema` header. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema
  return rest
}

const ERROR_REF = { $ref: '#/components/schemas/Error' }
const errorResponse = (description: string): Response => ({
  description,
  content: { 'application/json': { schema: ERROR_REF } },
})

function parameters(op: Operation): Parameter[] {
  const path = [...op.path.matchAll(/\{(\w+)\}/g)].map(
    ([, name]): Parameter => ({
      name: name ?? '',
      in: 'path',
      required: true,
      schema: { type: 'string', format: 'uuid' },
    }),
  )
  if (!op.query) return path
  const query = jsonSchema(op.query, 'input')
  const properties = (query.properties ?? {}) as Record<string, JsonSchema>
  const required = new Set((query.required ?? []) as string[])
  return [
    ...path,
    ...Object.entries(properties).map(
      ([name, schema]): Parameter => ({ name, in: 'query', required: required.has(name), schema }),
    ),
  ]
}

function security(op: Operation): Record<string, string[]>[] | undefined {
  if (op.access === 'public') return undefined
  const session = { session: [] }
  if (!op.tokens) return [session]
  return [session, { bearer: op.tokens === 'any-scope' ? [] : [...op.tokens] }]
}

function responses(op: Operation): Record<string, Response> {
  const { status, description, schema, contentType = 'application/json' } = op.response
  const main: Response = { description }
  if (schema) main.content = { [contentType]: { schema: jsonSchema(schema, 'output') } }
  else if (contentType !== 'application/json') main.content = { [contentType]: { schema: {} } }
  const out: Record<string, Response> = { [String(status)]: main }
  if (op.body || op.query || op.path.includes('{'))
    out['400'] = errorResponse('Invalid input (the message names the field)')
  if (op.access !== 'public') {
    out['401'] = errorResponse('No session, or a bad, expired or revoked API token')
    out['403'] = errorResponse('The role may not do this, the token lacks the scope, or a cross-site request')
  }
  return out
}

const operationId = (op: Operation) =>
  `${op.method.toLowerCase()}${op.path
    .replace(/^\/api/, '')
    .split(/[/{}.-]/)
    .filter(Boolean)
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('')}`

function operationObject(op: Operation): OperationObject {
  const out: OperationObject = {
    operationId: operationId(op),
    tags: [op.tag],
    summary: op.summary,
    responses: responses(op),
    'x-policydesk-access': op.access,
  }
  if (op.description) out.description = op.description
  const params = parameters(op)
  if (params.length > 0) out.parameters = params
  if (op.body === 'multipart')
    out.requestBody = { required: true, content: { 'multipart/form-data': { schema: { type: 'object' } } } }
  else if (op.body)
    out.requestBody = {
      required: true,
      content: { 'application/json': { schema: jsonSchema(op.body, 'input') } },
    }
  const sec = security(op)
  if (sec) out.security = sec
  return out
}

/** The OpenAPI 3.1 document of the given operations (request schemas are the routes' own zod schemas). */
export function buildOpenApiDocument(
  operations: Operation[],
  options: { serverUrl: string; version: string },
): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {}
  for (const op of operations) {
    paths[op.path] ??= {}
    const item = paths[op.path] ?? {}
    item[op.method.toLowerCase()] = operationObject(op)
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Policy Desk API',
      version: options.version,
      description:
        'Answers from company documents with citations, under each user’s access groups. Authenticate with the session cookie (web app) or `Authorization: Bearer pd_…` (API tokens, docs/integrations.md). State-changing requests from browsers must come from the app’s origin.',
    },
    servers: [{ url: options.serverUrl }],
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'policydesk_session' },
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token (pd_…) from /settings/tokens; the listed scopes open the operation.',
        },
      },
      schemas: { Error: jsonSchema(errorSchema, 'output') },
    },
  }
}
