import type { UntrustedSpan } from '@policydesk/text/untrusted'

/** What the playground answers (`POST /api/admin/playground`; the request is in that route's schema.ts). */

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
  /** Sentences addressed to an AI: the answer pipeline withholds them from the model. */
  untrusted: UntrustedSpan[]
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
