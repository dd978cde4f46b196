import { CITATION_MARKER } from '@/lib/shared/markdown/remark-citations'

/**
 * What makes two renderings of a sentence the same sentence: the validator stores answer sentences with
 * `[n]` markers stripped; the rendered answer has also lost Markdown emphasis and code ticks.
 */
export function sentenceKey(sentence: string): string {
  return sentence
    .replace(CITATION_MARKER, '')
    .replace(/[*_`~]/g, '')
    .replace(/\s+([.,;:!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
}
