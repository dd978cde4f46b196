import { readdirSync, readFileSync } from 'node:fs'
import { procStatusMiB } from './measure'

export type ProcessRss = { pid: number; name: string; rssMiB: number }

/** `/proc/<pid>/stat`: the command name is in parentheses (it may hold spaces); the parent pid follows the state. */
function statOf(pid: number): { name: string; ppid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const close = stat.lastIndexOf(')')
    const fields = stat.slice(close + 2).split(' ')
    return { name: stat.slice(stat.indexOf('(') + 1, close), ppid: Number(fields[1]) }
  } catch {
    return null
  }
}

/** A readable label: the worker and the web server both run as `node`, their scripts tell them apart. */
function labelOf(pid: number, name: string): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)
    if (argv.some((a) => /daemon[^/]*\.(m?js|ts)$/.test(a))) return 'database (embedded PGlite daemon)'
    if (argv.some((a) => a.includes('worker'))) return 'worker'
    if (name.startsWith('next-server') || argv.some((a) => a.endsWith('/next'))) return 'web (next)'
    if (argv.some((a) => a.includes('policydesk'))) return 'launcher (policydesk start)'
    const script = argv.slice(1).find((a) => !a.startsWith('-'))
    return script ? `${name} ${script.split('/').slice(-2).join('/')}` : name
  } catch {
    return name
  }
}

/** The process and all its descendants that are still alive (Linux /proc), the root first. */
export function processTree(rootPid: number): { pid: number; name: string }[] {
  const children = new Map<number, number[]>()
  const names = new Map<number, string>()
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid)) continue
    const stat = statOf(pid)
    if (!stat) continue
    names.set(pid, stat.name)
    children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid])
  }
  if (!names.has(rootPid)) return []
  const tree: { pid: number; name: string }[] = []
  const queue = [rootPid]
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    tree.push({ pid, name: labelOf(pid, names.get(pid) ?? '?') })
    queue.push(...(children.get(pid) ?? []))
  }
  return tree
}

/** Resident memory of every process of the tree, MiB (processes that exited meanwhile are left out). */
export function treeRss(rootPid: number): ProcessRss[] {
  return processTree(rootPid).flatMap(({ pid, name }) => {
    const rss = procStatusMiB(pid, 'VmRSS')
    return rss === null ? [] : [{ pid, name, rssMiB: Math.round(rss * 10) / 10 }]
  })
}

export const totalMiB = (rows: ProcessRss[]) =>
  Math.round(rows.reduce((sum, r) => sum + r.rssMiB, 0) * 10) / 10
