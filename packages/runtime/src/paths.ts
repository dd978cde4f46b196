import { existsSync } from 'node:fs'
import path from 'node:path'
import { readRuntimeEnv } from './env'

/** The repository root: the nearest folder above `from` holding turbo.json (apps run with their own cwd). */
export function findProjectRoot(from: string = process.cwd()): string {
  let dir = path.resolve(from)
  for (;;) {
    if (existsSync(path.join(dir, 'turbo.json'))) return dir
    const parent = path.dirname(dir)
    if (parent === dir) return path.resolve(from)
    dir = parent
  }
}

/** Every piece of local state lives under this folder, so tests and parallel checkouts isolate themselves. */
export function dataDir(): string {
  const configured = readRuntimeEnv().POLICYDESK_DATA_DIR
  return configured ? path.resolve(configured) : path.join(findProjectRoot(), '.data')
}
