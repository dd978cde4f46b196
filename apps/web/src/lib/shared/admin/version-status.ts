/** Live-progress vocabulary shared by the upload list, the documents table and the version history. */

export type LiveVersion = {
  id: string
  documentId: string
  versionNo: number
  status: 'queued' | 'processing' | 'ready' | 'failed'
  stage: string
  progress: number
  error: string | null
  chunkCount: number
}

export const PIPELINE_STAGES = ['queued', 'parsing', 'chunking', 'embedding', 'storing', 'ready'] as const

export const isFinal = (status: string | null | undefined) => status === 'ready' || status === 'failed'

/** What to show: the stage while processing ("embedding"), else the status. */
export function stageLabel(version: Pick<LiveVersion, 'status' | 'stage'>): string {
  if (version.status === 'processing') return version.stage
  return version.status
}
