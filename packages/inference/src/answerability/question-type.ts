import { normalizeText } from '@policydesk/text'

/**
 * What kind of answer a question asks for, from its opening words. Only types whose answers have a
 * recognisable surface form are told apart (a number, a duration, a date or time, a person or body);
 * everything else is `open` and places no demand on the answer sentence.
 */
export type QuestionType = 'number' | 'duration' | 'date' | 'who' | 'yes-no' | 'open'

const TYPES: [QuestionType, RegExp][] = [
  ['duration', /^(how long|for how long|how soon|how quickly|how many (days|weeks|months|years|hours))\b/],
  [
    'number',
    /^(how (much|many)|what (percentage|percent|share|proportion)|what is the (amount|rate|cost|price|maximum|minimum|limit|number)|what are the (amounts|rates|limits))\b/,
  ],
  ['date', /^(when|by when|until when|what (date|day|time|deadline)|by what date)\b/],
  ['who', /^(who|whom|whose|which (team|person|people|department|manager|role|office|body))\b/],
  ['yes-no', /^(is|are|am|can|could|do|does|did|will|would|should|shall|may|might|must|have|has|was|were)\b/],
]

/** The question's type; leading fillers ("so,", "quick question:") and a subordinate "if …," are skipped. */
export function questionType(question: string): QuestionType {
  for (const clause of clauses(question)) {
    for (const [type, pattern] of TYPES) if (pattern.test(clause)) return type
  }
  return 'open'
}

/** Lower-cased candidate starts: the whole question, then what follows each comma or colon. */
function clauses(question: string): string[] {
  const text = normalizeText(question).replace(/[’']/g, "'").trim()
  const starts = [text]
  for (const match of text.matchAll(/[,:;?.]\s+/g))
    starts.push(text.slice((match.index ?? 0) + match[0].length))
  return starts.map((s) => s.replace(/^(so|and|but|also|ok|okay|hi|hello|quick question)\b[\s,]*/, ''))
}

const NUMBER_WORDS =
  /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|half|double|twice|once|single|dozen)\b/
const TIME_UNIT =
  /\b(minutes?|hours?|days?|weeks?|fortnights?|months?|years?|quarters?|business days?|working days?)\b/
const MONTH_OR_DAY =
  /\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekday|weekend|annually|monthly|weekly|daily|yearly)\b/
const IMMEDIACY =
  /\b(immediately|straight away|right away|as soon as|same day|next day|promptly|without delay|before|after|within|until|by the end|no later than|at least|at the latest)\b/
const ROLE =
  /\b(manager|team|department|officer|director|lead|head|committee|board|desk|partner|hr|people|owner|administrator|agency|office|service|department|council|authority|tribunal|court|provider|employer|supplier|advisor|adviser|representative|contact|person|staff|chief)\b/

const hasNumber = (text: string) => /\d/.test(text) || NUMBER_WORDS.test(text)

/**
 * Whether a passage can answer a question of this type at all: a "how many" question is not answered by
 * a passage without a number, a "how long" question by one without a duration. Lenient on purpose: it is
 * one signal of several, and a false "no" costs an answer.
 */
export function matchesQuestionType(type: QuestionType, passage: string): boolean {
  const text = normalizeText(passage)
  switch (type) {
    case 'number':
      return hasNumber(text) || /[%€$£]/.test(text)
    case 'duration':
      return (hasNumber(text) && TIME_UNIT.test(text)) || IMMEDIACY.test(text)
    case 'date':
      return hasNumber(text) || MONTH_OR_DAY.test(text) || TIME_UNIT.test(text) || IMMEDIACY.test(text)
    case 'who':
      return ROLE.test(text) || /\b[A-Z][a-z]+ [A-Z][a-z]+/.test(passage)
    default:
      return true
  }
}
