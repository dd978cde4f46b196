import { countTokens as countO200k, decode, encode } from 'gpt-tokenizer/encoding/o200k_base'

/** A real BPE tokenizer (o200k, shipped with the package: no download), so budgets mean model tokens. */
export function countTokens(text: string): number {
  return countO200k(text)
}

/** Splits text into pieces of at most `maxTokens` tokens, at token boundaries. */
export function splitByTokens(text: string, maxTokens: number): string[] {
  const tokens = encode(text)
  const pieces: string[] = []
  for (let i = 0; i < tokens.length; i += maxTokens) pieces.push(decode(tokens.slice(i, i + maxTokens)))
  return pieces
}
