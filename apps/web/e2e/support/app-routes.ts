import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

export const APP_DIR = path.resolve(import.meta.dirname, '../../src/app')

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
export type HttpMethod = (typeof HTTP_METHODS)[number]

/** A route handler or page of the app, found on disk. */
export type AppRoute = {
  /** Path of the file under src/app, e.g. `api/review/answers/[id]/route.ts`: the key of the access table. */
  file: string
  /** The URL pattern it serves: route groups dropped, `[param]` kept. */
  pattern: string
  /** Pages answer GET; route handlers the methods they export. */
  methods: HttpMethod[]
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return walk(full)
    return entry.name === 'route.ts' || entry.name === 'page.tsx' ? [full] : []
  })
}

const exportedMethods = (source: string): HttpMethod[] =>
  HTTP_METHODS.filter((m) => new RegExp(`export\\s+(async\\s+)?(function|const)\\s+${m}\\b`).test(source))

/** Every `route.ts` and `page.tsx` under src/app, so a new one cannot escape the access test. */
export function appRoutes(): AppRoute[] {
  return walk(APP_DIR)
    .map((full) => {
      const file = path.relative(APP_DIR, full).split(path.sep).join('/')
      const segments = file
        .split('/')
        .slice(0, -1)
        .filter((segment) => !/^\(.*\)$/.test(segment))
      const isPage = file.endsWith('page.tsx')
      return {
        file,
        pattern: `/${segments.join('/')}`,
        methods: isPage ? (['GET'] as HttpMethod[]) : exportedMethods(readFileSync(full, 'utf8')),
      }
    })
    .sort((a, b) => a.file.localeCompare(b.file))
}
