import { z } from 'zod'

/** Whose eyes the playground reads through: a user (their groups) or a group (plus `everyone`). */
export const playgroundRequestSchema = z.object({
  question: z.string().trim().min(1, 'type a question').max(1000, 'questions have at most 1000 characters'),
  reader: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('user'), userId: z.uuid() }),
    z.object({ kind: z.literal('group'), groupId: z.uuid() }),
  ]),
})
export type PlaygroundRequest = z.infer<typeof playgroundRequestSchema>

export type PlaygroundPassage = {
  rank: number
  chunkId: string
  documentId: string
  title: string
  headingPath: string[]
  pageStart: number | null
  pageEnd: number | null
  tokenCount: number
  text: string
  vectorScore: number | null
  vectorRank: number | null
  textScore: number | null
  textRank: number | null
  fusedScore: number
  inContext: boolean
  cited: boolean
}

export type PlaygroundExclusion = {
  documentId: string
  title: string
  /** Best rank one of its passages reached for an all-access reader. */
  bestRank: number
  passages: number
  readableBy: string[]
}

export type PlaygroundResult = {
  reader: { label: string; groups: string[] }
  passages: PlaygroundPassage[]
  answer: {
    text: string
    abstained: boolean
    curated: boolean
    model: string
    citations: { n: number; title: string; documentId: string; headingPath: string[]; chunkId: string }[]
    validation: {
      valid: boolean
      supportedSentenceRate: number
      invalidCitations: number[]
      sentences: { text: string; citations: number[]; support: number; supported: boolean; claim: boolean }[]
    }
  }
  excluded: PlaygroundExclusion[]
  timings: { retrieveMs: number; answerMs: number }
}
