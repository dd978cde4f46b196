/**
 * Whether a load should build the vector index after its rows are in instead of maintaining it row by row.
 *
 * Rates measured on the embedded database (docs/benchmarks.md, "Ingest"): embedding rows go in at ~180 rows/s
 * into a live HNSW index and ~3,700 rows/s without one; building the index from scratch takes ~900 rows/s.
 * Deferring N new rows onto E existing ones costs N/3700 + (E+N)/900 seconds against N/180 live, so it pays
 * when N > 0.27·E. Below `minChunks` the difference is seconds and not worth an index rebuild.
 */
export const DEFER_WHEN_NEW_OVER_EXISTING = 0.27

/** Bytes of source per stored unit, measured on 8.3 MB of policies → 10,946 units (160-token units). */
export const BYTES_PER_UNIT = 760

export type IndexMode = 'auto' | 'live' | 'deferred'

export type IndexPlan = {
  defer: boolean
  estimatedUnits: number
  existingRows: number
  /** Why, in words a CLI can print. */
  reason: string
}

export function planIndexForLoad(input: {
  mode: IndexMode
  bytes: number
  existingRows: number
  /** Smallest estimated load that defers automatically; 0 = never automatically. */
  minUnits: number
}): IndexPlan {
  const estimatedUnits = Math.ceil(input.bytes / BYTES_PER_UNIT)
  const base = { estimatedUnits, existingRows: input.existingRows }
  if (input.mode === 'live') return { ...base, defer: false, reason: 'index kept live (--index live)' }
  if (input.mode === 'deferred')
    return { ...base, defer: true, reason: 'index built after the load (--index deferred)' }
  if (input.minUnits === 0 || estimatedUnits < input.minUnits)
    return { ...base, defer: false, reason: `small load (~${estimatedUnits} passages): index kept live` }
  if (estimatedUnits <= DEFER_WHEN_NEW_OVER_EXISTING * input.existingRows)
    return {
      ...base,
      defer: false,
      reason: `~${estimatedUnits} new passages onto ${input.existingRows}: cheaper to keep the index live`,
    }
  return {
    ...base,
    defer: true,
    reason: `bulk load (~${estimatedUnits} passages onto ${input.existingRows}): the vector index is built after the load`,
  }
}
