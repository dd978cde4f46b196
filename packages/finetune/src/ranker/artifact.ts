import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { RankerArtifact } from '@policydesk/inference'
import { dataDir } from '@policydesk/runtime'

export const defaultRankerDir = () => path.join(dataDir(), 'rankers')

/** `ranker-v1-20261126T101500Z.json`: versioned by format and by creation time, never overwritten. */
export function rankerFileName(artifact: RankerArtifact): string {
  const stamp = artifact.createdAt.replace(/[-:]/g, '').replace(/\.\d+/, '')
  return `ranker-v${artifact.version}-${stamp}.json`
}

export async function writeRankerArtifact(
  artifact: RankerArtifact,
  dir = defaultRankerDir(),
): Promise<string> {
  await mkdir(dir, { recursive: true })
  const file = path.join(dir, rankerFileName(artifact))
  await writeFile(file, `${JSON.stringify(artifact, null, 2)}\n`, { flag: 'wx' })
  return file
}
