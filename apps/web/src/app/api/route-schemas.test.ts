import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * What a route accepts is in the `schema.ts` beside its `route.ts`: a reader opening a route folder sees
 * the request's shape there, and the OpenAPI registry (lib/server/openapi/operations-*.ts) imports the same
 * schemas. A building block several routes share (a group name, a trace id, the page filters a URL carries)
 * stays in lib/shared, and each route's schema.ts composes or re-exports it. Path ids that are plain UUIDs
 * checked by `uuidParams` (lib/server/admin/route-params.ts) need no schema of their own.
 */
const API_DIR = import.meta.dirname

/** Route folder (relative to app/api) → why it reads input without a schema.ts. */
const EXCEPTIONS: Record<string, string> = {
  'auth/callback':
    'the OIDC redirect: openid-client checks code and state against the sign-in cookie (PKCE); a schema would restate the protocol',
}

/** How a route reads input; any of these means it takes input and needs a schema.ts. */
const INPUT_READS: [string, RegExp][] = [
  ['parses with zod', /\.(safeParse|parse)\(/],
  ['builds a zod schema', /\bz\.\w+\(/],
  ['reads the URL', /new URL\(\s*request\.url\s*\)|\bsearchParams\b/],
  ['reads a JSON body', /\brequest\.json\(|\bparseJsonBody\(/],
  ['reads a form or raw body', /\.formData\(|\breadMultipart\(|\breadBodyCapped\(|\brequest\.text\(/],
  ['checks a value', /\bparseValue\(/],
]

function files(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return files(full, name)
    return entry.name === name ? [full] : []
  })
}

/** The code without comments, so a doc comment mentioning `?ids=` or `searchParams` does not count. */
function code(file: string): string {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  return ts.createPrinter({ removeComments: true }).printFile(source)
}

type Import = { module: string; names: string[]; typeOnly: boolean }

function imports(text: string): Import[] {
  return [...text.matchAll(/^import\s+(type\s+)?([\s\S]*?)\s+from\s+["']([^"']+)["']/gm)].map((m) => ({
    module: m[3] ?? '',
    names: (m[2] ?? '')
      .replace(/[{}]/g, '')
      .split(',')
      .map(
        (n) =>
          n
            .trim()
            .replace(/^type\s+/, '')
            .split(/\s+as\s+/)[0] ?? '',
      ),
    typeOnly: Boolean(m[1]),
  }))
}

const API = files(API_DIR, 'route.ts').map((file) => {
  const text = code(file)
  return {
    route: path.relative(API_DIR, path.dirname(file)),
    text,
    reads: INPUT_READS.filter(([, pattern]) => pattern.test(text)).map(([what]) => what),
    hasSchema: existsSync(path.join(path.dirname(file), 'schema.ts')),
  }
})

describe('each API route that takes input keeps its schema in a schema.ts beside it', () => {
  it('finds the routes, most of which take input', () => {
    expect(API.length).toBeGreaterThan(40)
    expect(API.filter((r) => r.reads.length > 0).length).toBeGreaterThan(30)
  })

  it('has a schema.ts beside every route.ts that reads a body, a query string or checks a value', () => {
    const missing = API.filter((r) => r.reads.length > 0 && !r.hasSchema && !(r.route in EXCEPTIONS)).map(
      (r) => `${r.route} (${r.reads.join(', ')})`,
    )
    expect(missing, 'add a schema.ts beside these routes (or a justified entry in EXCEPTIONS)').toEqual([])
  })

  it('builds no zod schema in a route.ts', () => {
    const inline = API.filter(
      (r) => /\bz\.\w+\(/.test(r.text) || imports(r.text).some((i) => i.module === 'zod' && !i.typeOnly),
    ).map((r) => r.route)
    expect(inline, 'move these schemas to the route’s schema.ts').toEqual([])
  })

  it('takes its schemas from ./schema, not from another route’s folder or lib', () => {
    const elsewhere = API.flatMap((r) =>
      imports(r.text)
        .filter((i) => i.module !== './schema' && i.module !== 'zod')
        .filter((i) => /schema/i.test(i.module) || i.names.some((n) => /Schema$/.test(n)))
        .map((i) => `${r.route}: ${i.module}`),
    )
    expect(elsewhere, 'import these through the route’s own schema.ts').toEqual([])
    const unused = API.filter((r) => r.hasSchema && !imports(r.text).some((i) => i.module === './schema'))
    expect(
      unused.map((r) => r.route),
      'a schema.ts the route does not use',
    ).toEqual([])
  })

  it('has no schema.ts without a route.ts beside it', () => {
    const orphans = files(API_DIR, 'schema.ts')
      .filter((file) => !existsSync(path.join(path.dirname(file), 'route.ts')))
      .map((file) => path.relative(API_DIR, file))
    expect(orphans).toEqual([])
  })

  it('keeps each exception needed: the route exists and reads input', () => {
    const stale = Object.keys(EXCEPTIONS).filter((route) => {
      const found = API.find((r) => r.route === route)
      return !found || found.reads.length === 0 || found.hasSchema
    })
    expect(stale).toEqual([])
  })
})
