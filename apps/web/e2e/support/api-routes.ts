import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const API_DIR = path.resolve(import.meta.dirname, '../../src/app/api')

export type ApiRoute = {
  /** e.g. /api/admin/users/[id]/groups */
  pattern: string
  methods: string[]
}

/** Every route handler under src/app/api and the HTTP methods it exports, read from the file system. */
export function listApiRoutes(dir = API_DIR): ApiRoute[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return listApiRoutes(full)
    if (entry.name !== 'route.ts') return []
    const source = readFileSync(full, 'utf8')
    const methods = [
      ...source.matchAll(/export (?:async function|const) (GET|HEAD|POST|PUT|PATCH|DELETE)\b/g),
    ].map((m) => m[1] ?? '')
    const pattern = `/api/${path.relative(API_DIR, dir).split(path.sep).join('/')}`
    return [{ pattern, methods }]
  })
}

/** A concrete path: every [segment] filled with `value`. */
export const fillPattern = (pattern: string, value: string) => pattern.replace(/\[[^\]]+\]/g, value)
