'use client'

import { useEffect, useRef, useState } from 'react'
import { callApi } from './api-client'
import { isFinal, type LiveVersion } from './version-status'

const POLL_MS = 1_000

/**
 * Polls `/api/admin/versions/status` about once a second for the given versions until each is ready or
 * failed, then stops. `onSettled` fires once per version that reaches a final state while watched; bump
 * `generation` to watch settled versions again (after a retry).
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

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation restarts polling on purpose
  useEffect(() => {
    if (!key) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const pending = new Set(key.split(','))
    const controller = new AbortController()
    const poll = async () => {
      const ids = [...pending]
      if (ids.length === 0 || stopped) return
      try {
        const result = await callApi<{ versions: LiveVersion[] }>(
          `/api/admin/versions/status?ids=${ids.join(',')}`,
          { signal: controller.signal },
        )
        if (result.ok && !stopped) {
          setVersions((previous) => {
            const next = new Map(previous)
            for (const v of result.data.versions) next.set(v.id, v)
            return next
          })
          for (const v of result.data.versions) {
            if (isFinal(v.status) && pending.delete(v.id)) settledRef.current?.(v)
          }
        }
      } catch {
        return // aborted on unmount
      }
      if (!stopped && pending.size > 0) timer = setTimeout(poll, POLL_MS)
    }
    void poll()
    return () => {
      stopped = true
      controller.abort()
      clearTimeout(timer)
    }
  }, [key, generation])

  return versions
}
