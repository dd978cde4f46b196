import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings'
import { contentTerms } from './text-features'

export const BUILTIN_EMBEDDING_MODEL = 'builtin-hash-384-v1'
export const BUILTIN_EMBEDDING_DIMENSIONS = 384

/** FNV-1a, 32 bit: fast, stable across platforms and releases (the vectors are persisted). */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/**
 * The built-in offline embedder: signed feature hashing of stemmed terms (weight 1), term bigrams (0.5) and
 * character trigrams (0.25, for morphology and typos) into 384 dimensions, sublinear term frequency, L2
 * normalised. Deterministic, no download, ~50k chunks/s. It captures lexical overlap and word forms, not
 * meaning: synonyms are left to hybrid retrieval's full-text side or a configured model.
 */
export class HashingEmbeddings extends Embeddings {
  readonly model = BUILTIN_EMBEDDING_MODEL
  readonly dimensions = BUILTIN_EMBEDDING_DIMENSIONS

  constructor(params: EmbeddingsParams = {}) {
    super(params)
  }

  embedText(text: string): number[] {
    const counts = new Map<string, number>()
    const add = (feature: string, weight: number) => counts.set(feature, (counts.get(feature) ?? 0) + weight)
    const terms = contentTerms(text)
    terms.forEach((term, i) => {
      add(`w:${term}`, 1)
      const next = terms[i + 1]
      if (next) add(`b:${term} ${next}`, 0.5)
      const padded = `^${term}$`
      for (let j = 0; j + 3 <= padded.length; j++) add(`c:${padded.slice(j, j + 3)}`, 0.25)
    })
    const vector = new Array<number>(this.dimensions).fill(0)
    for (const [feature, weight] of counts) {
      const hash = fnv1a(feature)
      const sign = fnv1a(feature, 0x9e3779b9) & 1 ? 1 : -1
      const slot = hash % this.dimensions
      vector[slot] = (vector[slot] ?? 0) + sign * (1 + Math.log(weight))
    }
    const norm = Math.hypot(...vector)
    return norm === 0 ? vector : vector.map((v) => v / norm)
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedText(t))
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedText(text)
  }
}
