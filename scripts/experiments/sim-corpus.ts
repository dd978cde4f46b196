/** Corpus and questions for retrieval-sim.ts, parsed and chunked by the product's own code. */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseQuestions } from '../../packages/inference/src/eval/questions'
import { chunkDocument } from '../../packages/ingest/src/chunk/chunk-document'
import { parseDocument } from '../../packages/ingest/src/parse/index'

export type Unit = {
  id: number
  doc: string
  title: string
  headingPath: string[]
  text: string
  ordinal: number
  tokens: number
}
export async function loadCorpus(
  dir: string,
  opts: { maxTokens: number; overlapTokens: number; minTokens: number },
) {
  const units: Unit[] = []
  for (const f of readdirSync(dir).sort()) {
    const bytes = readFileSync(path.join(dir, f))
    const parsed = await parseDocument(bytes, { fileName: f, maxBytes: 50e6 })
    const { chunks } = chunkDocument(parsed, opts)
    const doc = f.replace(/\.[^.]+$/, '')
    for (const c of chunks)
      units.push({
        id: units.length,
        doc,
        title: parsed.title ?? doc,
        headingPath: c.headingPath,
        text: c.text,
        ordinal: c.ordinal,
        tokens: c.tokenCount,
      })
  }
  return units
}
export function loadQuestions(file: string) {
  return parseQuestions(readFileSync(file, 'utf8'))
}
