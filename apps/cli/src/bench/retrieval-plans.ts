type PlanNode = {
  'Subplan Name'?: string
  'Actual Total Time'?: number
  'Actual Loops'?: number
  Plans?: PlanNode[]
}

export type PlanTimes = {
  /**
   * Milliseconds per materialised CTE (time × loops of its subplan; inclusive, so a CTE that reads another
   * materialised CTE first also counts that one's time). CTEs the planner inlined do not appear.
   */
  ctes: Record<string, number>
  planningMs: number
  executionMs: number
}

/** Where one EXPLAIN (ANALYZE, FORMAT JSON) row of the hybrid statement spent its time. */
export function planTimes(explainRow: unknown): PlanTimes | null {
  if (typeof explainRow !== 'object' || explainRow === null) return null
  const plans: unknown = Reflect.get(explainRow, 'QUERY PLAN')
  const top = Array.isArray(plans)
    ? (plans[0] as { Plan?: PlanNode; 'Execution Time'?: number; 'Planning Time'?: number })
    : null
  if (!top?.Plan) return null
  const ctes: Record<string, number> = {}
  const walk = (node: PlanNode) => {
    const name = node['Subplan Name']
    if (name?.startsWith('CTE '))
      ctes[name.slice(4)] = (node['Actual Total Time'] ?? 0) * (node['Actual Loops'] ?? 1)
    for (const child of node.Plans ?? []) walk(child)
  }
  walk(top.Plan)
  return { ctes, planningMs: top['Planning Time'] ?? 0, executionMs: top['Execution Time'] ?? 0 }
}

/** Mean of each CTE's time over samples (a CTE missing from a sample counts 0 there), rounded to 0.1 ms. */
export function meanPlanTimes(samples: PlanTimes[]): PlanTimes {
  const n = Math.max(1, samples.length)
  const r = (v: number) => Math.round((v / n) * 10) / 10
  const names = [...new Set(samples.flatMap((s) => Object.keys(s.ctes)))].sort()
  return {
    ctes: Object.fromEntries(
      names.map((name) => [name, r(samples.reduce((a, s) => a + (s.ctes[name] ?? 0), 0))]),
    ),
    planningMs: r(samples.reduce((a, s) => a + s.planningMs, 0)),
    executionMs: r(samples.reduce((a, s) => a + s.executionMs, 0)),
  }
}

/** The text of an EXPLAIN (ANALYZE, FORMAT TEXT) result: its rows joined. */
export function planText(rows: unknown): string {
  if (!Array.isArray(rows)) return ''
  return rows
    .map((row: unknown) =>
      typeof row === 'object' && row !== null ? String(Reflect.get(row, 'QUERY PLAN') ?? '') : '',
    )
    .join('\n')
}
