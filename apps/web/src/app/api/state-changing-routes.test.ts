import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const API_DIR = import.meta.dirname
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return routeFiles(full)
    return entry.name === 'route.ts' ? [full] : []
  })
}

type Export = { method: string; guarded: boolean }

/** Each exported HTTP method handler, and whether it is `export const X = sameOriginOnly(...)`. */
function methodExports(file: string): Export[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const out: Export[] = []
  for (const statement of source.statements) {
    const exported = ts.canHaveModifiers(statement)
      ? ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      : false
    if (!exported) continue
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      out.push({ method: statement.name.text, guarded: false })
    }
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        if (!ts.isIdentifier(d.name)) continue
        const init = d.initializer
        const guarded =
          init !== undefined &&
          ts.isCallExpression(init) &&
          ts.isIdentifier(init.expression) &&
          init.expression.text === 'sameOriginOnly'
        out.push({ method: d.name.text, guarded })
      }
    }
  }
  return out.filter((e) => /^[A-Z]+$/.test(e.method))
}

describe('every state-changing API route passes the one CSRF check', () => {
  const files = routeFiles(API_DIR)
  const handlers = files.flatMap((file) =>
    methodExports(file).map((e) => ({ ...e, route: path.relative(API_DIR, path.dirname(file)) })),
  )

  it('finds the route handlers', () => {
    expect(files.length).toBeGreaterThan(30)
    expect(handlers.filter((h) => STATE_CHANGING.has(h.method)).length).toBeGreaterThan(15)
  })

  it('wraps each POST, PUT, PATCH and DELETE in sameOriginOnly (lib/server/request/same-origin-only.ts)', () => {
    const unguarded = handlers
      .filter((h) => STATE_CHANGING.has(h.method) && !h.guarded)
      .map((h) => `${h.method} /api/${h.route}`)
    expect(unguarded).toEqual([])
  })
})
