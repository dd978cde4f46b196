import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

/**
 * A small JSON file that says which process owns a local service (embedded Postgres, local Redis) and
 * where it listens. Created with O_EXCL so two processes starting at once cannot both become the owner.
 */
export const serviceStateSchema = z.object({
  pid: z.number().int().positive(),
  port: z.number().int().positive().nullable(),
  startedAt: z.string(),
})
export type ServiceState = z.infer<typeof serviceStateSchema>

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export function readServiceState(file: string): ServiceState | null {
  let raw: string
  try {
    raw = readFileSync(file, 'utf8')
  } catch {
    return null
  }
  try {
    const parsed = serviceStateSchema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** Tries to become the owner. Returns false when a live process already owns the service. */
export function claimServiceState(file: string): boolean {
  mkdirSync(path.dirname(file), { recursive: true })
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const state: ServiceState = { pid: process.pid, port: null, startedAt: new Date().toISOString() }
      writeFileSync(file, JSON.stringify(state), { flag: 'wx' })
      return true
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const current = readServiceState(file)
      if (current && isProcessAlive(current.pid)) return false
      // A stale file left by a crashed owner (or a half-written one): remove it and try again.
      try {
        unlinkSync(file)
      } catch {}
    }
  }
  return false
}

export function publishServicePort(file: string, port: number): void {
  const state: ServiceState = { pid: process.pid, port, startedAt: new Date().toISOString() }
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(state))
  renameSync(tmp, file)
}

export function releaseServiceState(file: string): void {
  const current = readServiceState(file)
  if (current && current.pid !== process.pid) return
  try {
    unlinkSync(file)
  } catch {}
}
