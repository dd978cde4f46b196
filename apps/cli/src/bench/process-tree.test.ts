import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { afterAll, describe, expect, it } from 'vitest'
import { processTree, totalMiB, treeRss } from './process-tree'

// A real child holding ~64 MiB, found through /proc as the server's processes are during `bench chat`.
const child = spawn(process.execPath, [
  '-e',
  'globalThis.keep = Buffer.alloc(64 * 1024 * 1024, 1); process.stdout.write("ready\\n"); setInterval(() => {}, 1000)',
])
afterAll(() => {
  child.kill()
})

describe('process tree memory', () => {
  it('finds a child of this process and reads its resident memory', async () => {
    await once(child.stdout, 'data')
    const tree = processTree(process.pid)
    expect(tree[0]?.pid).toBe(process.pid)
    expect(tree.map((p) => p.pid)).toContain(child.pid)
    const rows = treeRss(process.pid)
    const held = rows.find((r) => r.pid === child.pid)
    expect(held?.rssMiB).toBeGreaterThan(60)
    expect(totalMiB(rows)).toBeGreaterThan(held?.rssMiB ?? 0)
  })

  it('is empty for a process that does not exist', () => {
    expect(processTree(2 ** 22 + 12_345)).toEqual([])
  })
})
