'use client'

import { useEffect, useRef, useState } from 'react'
import { callApi } from '@/lib/client/api-client'
import { isFinal, type LiveVersion } from '@/lib/shared/admin/version-status'

const POLL_MS = 1_000
const MAX_IDS = 100

type Listener = (version: LiveVersion) => void

/**
 * One poller for the whole page: every watched version id (from any table row or upload card) goes into a
 * single `/api/admin/versions/status?ids=…` request about once a second, and polling stops when nothing is
 * watched. Twenty uploads in flight cost one request per second, not twenty.
 */
const listeners = new Map<string, Set<Listener>>()
let timer: ReturnType<typeof setTimeout> | undefined
let polling = false

function schedule(delay: number) {
  if (timer || polling || listeners.size === 0) return
  timer = setTimeout(poll, delay)
}

async function poll() {
  timer = undefined
  const ids = [...listeners.keys()].slice(0, MAX_IDS)
  if (ids.length === 0) return
  polling = true
  const result = await callApi<{ versions: LiveVersion[] }>(`/api/admin/versions/status?ids=${ids.join(',')}`)
  polling = false
  if (result.ok) {
    for (const version of result.data.versions) {
      for (const listener of [...(listeners.get(version.id) ?? [])]) listener(version)
    }
  }
  schedule(POLL_MS)
}

function watch(id: string, listener: Listener): () => void {
  const set = listeners.get(id) ?? new Set<Listener>()
  set.add(listener)
  listeners.set(id, set)
  schedule(0)
  return () => {
    set.delete(listener)
    if (set.size === 0 && listeners.get(id) === set) listeners.delete(id)
  }
}

/**
 * Live status of the given versions until each is ready or failed. `onSettled` fires once per version
 * that reaches a final state while watched; bump `generation` to watch settled versions again (a retry).
 */
export function useVersionStatuses(
  versionIds: string[],
  options: { onSettled?: (version: LiveVersion) => void; generation?: number } = {},
): Map<string, LiveVersion> {
  const [versions, setVersions] = useState(() => new Map<string, LiveVersion>())
  const settledRef = useRef(options.onSettled)
  settledRef.current = options.onSettled
  const generation = options.generation ?? 0
  const key = [...new Set(versionIds)].sort().join(',')

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation restarts watching on purpose
  useEffect(() => {
    if (!key) return
    const stops = new Map<string, () => void>()
    for (const id of key.split(',')) {
      stops.set(
        id,
        watch(id, (version) => {
          setVersions((previous) => new Map(previous).set(version.id, version))
          if (isFinal(version.status)) {
            stops.get(id)?.()
            stops.delete(id)
            settledRef.current?.(version)
          }
        }),
      )
    }
    return () => {
      for (const stop of stops.values()) stop()
    }
  }, [key, generation])

  return versions
}
