/**
 * Texts of claim sentences the validator could not support: the answer marks these "unverified"
 * (lib/markdown/remark-unverified.ts finds them in the rendered answer).
 */
export function unverifiedSentences(
  sentences: { text: string; claim: boolean; supported: boolean }[] | undefined,
): Set<string> {
  return new Set(
    (sentences ?? []).filter((s) => s.claim && !s.supported).map((s) => s.text.replace(/\s+/g, ' ').trim()),
  )
}
