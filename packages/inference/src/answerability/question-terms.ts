import { contentTerms } from '@policydesk/text'

/**
 * Words that shape a question but rarely occur in its answer ("How many…", "Can I get…", "What happens
 * if…", "Am I eligible…", "I think…", "at what point…"): counted as uncovered they would push answerable
 * questions into abstention. The light words at the end (think … sure) were measured on both sets
 * (docs/quality.md): dev abstain 0.688 → 0.719, samples answer unchanged at the chosen threshold.
 */
const QUESTION_WORDS = new Set([
  ...contentTerms(
    'many much long often soon quickly need needs allowed allow able get gets happen happens possible ok okay tell know someone anyone anything something still keep kind way exactly actually really just want wants eligible eligibility qualify qualifies entitled apply applies suitable think few more all use used uses using after before without point show up time thing things lot bit sure',
    'en',
  ),
  // The same phrasing in the other languages documents are indexed in ("Wie viele … bekomme ich?").
  ...contentTerms(
    'bekomme bekommen bekommt kriege kriegen darf dürfen brauche brauchen gibt genau eigentlich',
    'de',
  ),
  ...contentTerms('tenho tem recebo receber posso pode preciso precisa existe quanto quantos quantas', 'pt'),
  ...contentTerms('tengo tiene recibo recibir puedo puede necesito necesita cuanto cuantos cuantas', 'es'),
  ...contentTerms('recois recevoir puis peux peut besoin combien', 'fr'),
])

/** The question's distinctive terms: stemmed content words without question phrasing, each once. */
export function questionTerms(question: string): string[] {
  return [...new Set(contentTerms(question))].filter((t) => !QUESTION_WORDS.has(t))
}

/**
 * Details of the asker's situation that a policy states generally, if at all: amounts and clock times
 * ("EUR 150", "2am"), days and relative dates ("on a Saturday", "last month", "now"). A passage about gifts
 * answers "a supplier sent me wine worth EUR 150" without containing "150"; requiring it would turn
 * answerable scenario questions into abstentions (docs/quality.md, "Abstention").
 */
const SCENARIO_WORDS = new Set(
  contentTerms(
    'monday tuesday wednesday thursday friday saturday sunday morning evening night now today tomorrow yesterday tonight ago last next week weekend month year',
  ),
)
const isScenarioDetail = (term: string) => /^\d+(am|pm|st|nd|rd|th)?$/.test(term) || SCENARIO_WORDS.has(term)

/** The terms whose support decides answerability: the distinctive terms without scenario details. */
export function topicTerms(question: string): string[] {
  return questionTerms(question).filter((t) => !isScenarioDetail(t))
}
