import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { TOKEN_ROUTES } from '@/lib/../../e2e/support/access-table/tokens'
import { buildOpenApiDocument } from '@/lib/server/openapi/build-document'
import { OPERATIONS } from '@/lib/server/openapi/operations'

const API_DIR = path.resolve(import.meta.dirname, '../../../app/api')
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return routeFiles(full)
    return entry.name === 'route.ts' ? [full] : []
  })
}

/** `METHOD /api/a/{id}` for every method every route file under app/api exports. */
function routesOnDisk(): string[] {
  return routeFiles(API_DIR).flatMap((file) => {
    const source = readFileSync(file, 'utf8')
    const segments = path.relative(API_DIR, path.dirname(file)).split(path.sep).filter(Boolean)
    const urlPath = `/api/${segments.map((s) => s.replace(/^\[(\w+)\]$/, '{$1}')).join('/')}`.replace(
      /\/$/,
      '',
    )
    return METHODS.filter((m) =>
      new RegExp(`export\\s+(async\\s+)?(function|const)\\s+${m}\\b`).test(source),
    ).map((m) => `${m} ${urlPath}`)
  })
}

const document = buildOpenApiDocument(OPERATIONS, { serverUrl: 'http://localhost:3000', version: 'test' })
const described = Object.entries(document.paths).flatMap(([p, item]) =>
  Object.keys(item).map((method) => `${method.toUpperCase()} ${p}`),
)

describe('the OpenAPI document', () => {
  it('describes every method of every route file under app/api', () => {
    const onDisk = routesOnDisk()
    expect(onDisk.length).toBeGreaterThan(50)
    expect(
      onDisk.filter((r) => !described.includes(r)),
      'add these to src/lib/openapi/operations-*.ts',
    ).toEqual([])
  })

  it('describes no route that does not exist', () => {
    const onDisk = new Set(routesOnDisk())
    expect(described.filter((r) => !onDisk.has(r))).toEqual([])
    expect(new Set(described).size).toBe(described.length)
  })

  it('is OpenAPI 3.1 with request schemas from the routes’ zod schemas', () => {
    expect(document.openapi).toBe('3.1.0')
    const chat = document.paths['/api/chat']?.post
    const body = chat?.requestBody?.content['application/json']?.schema as {
      properties: Record<string, unknown>
      required: string[]
    }
    expect(Object.keys(body.properties).sort()).toEqual(['conversationId', 'message'])
    expect(body.required).toEqual(['message'])
    const search = document.paths['/api/search']?.get
    expect(search?.parameters?.map((p) => `${p.in}:${p.name}:${p.required}`)).toEqual([
      'query:q:true',
      'query:k:false',
    ])
    const text = document.paths['/api/documents/{id}/text']?.get
    expect(text?.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(['path:id', 'query:version'])
    expect(JSON.stringify(document)).not.toContain('$schema')
  })

  it('states the token scopes the access tests verify, and none elsewhere', () => {
    const fromTable = Object.fromEntries(
      Object.entries(TOKEN_ROUTES).map(([key, scopes]) => {
        const [method, file] = key.split(' ')
        const segments = (file ?? '').replace(/\/?route\.ts$/, '').split('/')
        const urlPath = `/${segments.map((s) => s.replace(/^\[(\w+)\]$/, '{$1}')).join('/')}`
        return [`${method} ${urlPath}`, [...scopes].sort()]
      }),
    )
    const fromDocument = Object.fromEntries(
      OPERATIONS.filter((op) => op.tokens).map((op) => [
        `${op.method} ${op.path}`,
        op.tokens === 'any-scope' ? ['any-scope'] : [...(op.tokens ?? [])].sort(),
      ]),
    )
    expect(fromDocument).toEqual(fromTable)
  })
})
