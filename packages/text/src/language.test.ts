import { describe, expect, it } from 'vitest'
import { detectLanguage } from './language'
import { termFrequencies } from './term-frequencies'
import { contentTerms, textLanguage, textWords } from './terms'

describe('detectLanguage', () => {
  it.each([
    ['Wie viele Urlaubstage bekomme ich im Berliner Büro?', 'de'],
    [
      'Mitarbeitende in Berlin erhalten 30 Urlaubstage pro Jahr, die bis zum 31. März genommen werden müssen.',
      'de',
    ],
    ['Quantos dias de férias tenho no escritório de Lisboa?', 'pt'],
    ['Os trabalhadores em Lisboa têm direito a 25 dias úteis de férias por ano.', 'pt'],
    ['¿Cuántos días de vacaciones tengo en la oficina de Madrid?', 'es'],
    ['Les employés ont droit à 25 jours de congés payés par an dans le bureau de Paris.', 'fr'],
    ['How many vacation days do I get in the Berlin office?', 'en'],
    ['Employees in Lisbon get 25 days of annual leave, as the Portuguese Labour Code sets out.', 'en'],
  ])('%s → %s', (text, language) => {
    expect(textLanguage(text)).toBe(language)
  })

  it('keeps short or mixed text English: titles, names, a stray foreign word', () => {
    expect(textLanguage('Urlaubsrichtlinie')).toBe('en')
    expect(textLanguage('Código do Trabalho')).toBe('en')
    expect(textLanguage('The Betriebsrat (works council) must be consulted on the rota.')).toBe('en')
    expect(detectLanguage([])).toBe('en')
  })
})

describe('terms in the document’s language', () => {
  it('German: inflected forms meet, German stop words go', () => {
    const question = contentTerms('Wie viele Urlaubstage bekomme ich in Berlin?')
    const passage = contentTerms('Mitarbeitende in Berlin erhalten 30 Urlaubstage pro Jahr.')
    expect(question).not.toContain('wie')
    expect(question).not.toContain('ich')
    expect(passage).toEqual(expect.arrayContaining(['urlaubstag', 'berlin', '30']))
    expect(question.filter((t) => passage.includes(t))).toEqual(['urlaubstag', 'berlin'])
  })

  it('Portuguese: plurals, gender and accents fold ("férias"/"féria", "trabalhadores"/"trabalhador")', () => {
    const question = contentTerms('Quantos dias de férias tem um trabalhador em Lisboa?')
    const passage = contentTerms('Os trabalhadores em Lisboa têm direito a 25 dias úteis de férias por ano.')
    expect(question).toEqual(expect.arrayContaining(['feri', 'trabalhador', 'lisbo', 'dia']))
    expect(passage).toEqual(expect.arrayContaining(['feri', 'trabalhador', 'lisbo', 'dia', '25']))
    expect(contentTerms('A féria do trabalhador é paga.', 'pt')).toEqual(
      expect.arrayContaining(['feri', 'trabalhador']),
    )
  })

  it('English is stemmed exactly as before (Porter, English stop words)', () => {
    expect(contentTerms('How many vacation days do I get?')).toEqual(['mani', 'vacat', 'dai'])
    expect(textWords("Don't")).toEqual(['do', 'not'])
  })

  it('indexes a unit’s title and headings in its body’s language', () => {
    const unit = termFrequencies(
      'Mitarbeitende arbeiten 38 Stunden pro Woche und können sie frei einteilen.',
      ['Arbeitszeiten'],
    )
    // Alone the title is English to the detector, and Porter keeps "arbeitszeiten"; with its body it is German.
    expect(contentTerms('Arbeitszeiten')).toEqual(['arbeitszeiten'])
    expect(unit.terms).toContain('arbeitszeit')
    expect(unit.terms).not.toContain('arbeitszeiten')
  })
})
