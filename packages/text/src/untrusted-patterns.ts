/**
 * Building blocks of the rules behind findUntrustedSpans (untrusted.ts): text in a document that addresses an
 * AI system or tries to change how it answers. Each rule is one phrasing family. A `strong` rule flags its
 * sentence on its own; a `weak` one ("answer that…", "tell the user…") is ordinary enough in real policies
 * that it only flags next to a strong one (the tail of a planted instruction that spans several sentences).
 *
 * Precision matters more than recall here: a flagged sentence is withheld from answers. Every rule is
 * written against the hard negatives in untrusted.test.ts ("Employees must ignore unsolicited emails",
 * "Ignore the previous version of this form", "end your shift with a handover") and must flag nothing in
 * samples/policies or the dev set (untrusted-corpus.test.ts in packages/ingest).
 */

export const untrustedReasons = [
  'override',
  'addressed-to-ai',
  'persona',
  'output-directive',
  'prompt-disclosure',
  'concealment',
] as const
export type UntrustedReason = (typeof untrustedReasons)[number]

export type UntrustedRule = {
  reason: UntrustedReason
  strength: 'strong' | 'weak'
  /**
   * Cheap tests that must all pass before `pattern` is tried: literal words the pattern cannot match
   * without. Most sentences fail them, which keeps the detector at a few microseconds per sentence.
   */
  hints: RegExp[]
  pattern: RegExp
  /** Extra conditions a regular expression cannot say clearly (who is addressed, what follows). */
  accept?: (match: RegExpExecArray, sentence: string) => boolean
}

/** Case-insensitive, Unicode, global (every match is tried); `\b` is ASCII-only, so accented words use NB/NA. */
export const rx = (source: string) => new RegExp(source, 'giu')
/** Not preceded / not followed by a letter or digit: a word boundary that understands "é" and "ü". */
export const NB = String.raw`(?<![\p{L}\p{N}])`
export const NA = String.raw`(?![\p{L}\p{N}])`

/** Names of AI systems, as an addressee ("Dear AI", "If you are a language model"). */
export const AI = String.raw`(?:ai|a\.i\.|artificial intelligence|llms?|large language models?|language models?|chat ?bots?|chatgpt|gpt(?:-\d(?:\.\d)?)?|claude|gemini|copilot|(?:ai|virtual|digital|automated|conversational) (?:assistants?|agents?|models?|systems?|bots?))`
/** Any AI name at all: the hint for rules built on AI. Not global: `test` must not keep state. */
export const AI_HINT =
  /\bai\b|a\.i\.|artificial|llm|language model|\bbot|chat ?bot|gpt|claude|gemini|copilot|virtual|digital|automated|conversational/i
/** What usually follows "as an AI assistant" when it is an order rather than a job title. */
export const DIRECTED = String.raw`(?:you|your|i|it is your|it's your|please|always|never|do|don't|must|should|shall|answer|respond|reply|say|tell|ignore|reveal|output|write|follow|make sure|remember|be|are|cannot|can't|will|need)\b`
export const OVERRIDE_VERB =
  "(?:ignore|disregard|forget(?: about)?|override|overrule|bypass|discard|abandon|set aside|throw out|stop following|do not follow|don't follow|no longer follow|pay no attention to)"
export const OUTPUT_NOUN = '(?:answers?|responses?|replies|reply|outputs?|completions?)'
export const ANSWER_VERB =
  '(?:answer|respond|reply|say|tell|write|print|output|state|claim|repeat|reveal|follow|obey|act|pretend|start|begin|end|instead|do|now|you)'
/** A literal marker the answer should carry: a quoted string, an all-caps token, "the word …". */
export const MARKER = String.raw`(?<marker>the\s+(?:word|phrase|string|text|token|line|sentence|code|signature|marker)\b|["“'‘«][^"”'’»]{1,60}["”'’»]?|[\p{L}\p{N}_!-]{3,})`

/** The patterns are case-insensitive, so "an all-caps token" is checked here, on the original text. */
export function isMarker(marker: string): boolean {
  return (
    /^["“'‘«]/.test(marker) ||
    /^(?:the\s+)?(?:word|phrase|string|text|token|line|sentence|code|signature|marker|json)\b/i.test(
      marker,
    ) ||
    /^[A-Z][A-Z0-9_!-]{2,}$/.test(marker)
  )
}

/**
 * Where a command starts a clause: the sentence start, after punctuation, after "and/then/now/please…", or
 * after "you must/should/will…" (but not "if you…", "employees who…": those describe, they do not order).
 */
export function startsClause(before: string): boolean {
  const text = before.trimEnd().toLowerCase()
  if (text === '') return true
  if (/[:;,.!?"'“”(\-–—]$/.test(text)) return true
  if (
    /\b(?:and|then|now|so|please|also|first|just|simply|instead|kindly|immediately|important|note)$/.test(
      text,
    )
  )
    return true
  const addressed =
    /\byou(?:\s+(?:must|should|shall|will|need to|have to|are to|are required to|are instructed to|can|may))?(?:\s+(?:now|always|immediately|simply|just))?$/
  return (
    addressed.test(text) &&
    !/\b(?:if|when|whenever|unless|once|where|who|that|than|because)\s+you\b/.test(text)
  )
}

/** Text after the match that makes an override topical ("ignore previous instructions about mileage"). */
export const TOPICAL =
  /^\s*,?\s*(?:about|on|regarding|concerning|relating to|related to|in (?:section|part|chapter|the)|of the|from (?!now)|issued|set by|sent by|given by|printed|for (?!this (?:conversation|chat|session))|if you (?!are an? (?:ai|llm|language|chat|bot|assistant))|unless|where)\b/i

export const isNegated = (before: string) =>
  /\b(?:not|never|n't|cannot|must not|should not|won't|shouldn't|mustn't)\s*$/i.test(before.trimEnd())

export const beforeMatch = (match: RegExpExecArray, sentence: string) => sentence.slice(0, match.index)
export const afterMatch = (match: RegExpExecArray, sentence: string) =>
  sentence.slice(match.index + match[0].length)
