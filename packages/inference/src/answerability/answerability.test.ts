import { describe, expect, it } from 'vitest'
import type { ContextPassage } from '../retrieve/select-context'
import { assessAnswerability, idf } from './answerability'
import { topicTerms } from './question-terms'
import { matchesQuestionType, questionType } from './question-type'

const passage = (text: string, title = 'Remote work policy', headingPath = [title]): ContextPassage => ({
  chunkId: 'c1',
  documentId: 'd1',
  documentSlug: 'remote-work',
  versionId: 'v1',
  title,
  headingPath,
  text,
  pageStart: null,
  pageEnd: null,
  tokenCount: 20,
  charStart: 0,
  ordinal: 0,
  vectorScore: null,
  vectorRank: null,
  textScore: 1,
  textRank: 1,
  fusedScore: 1,
  rank: 1,
})

// A corpus of 200 units where "offic" and "polici" are everywhere, "remot" is a topic, bees and roofs absent.
const stats = { units: 200, df: { compani: 150, polici: 120, offic: 90, remot: 12, work: 80, dai: 60 } }

describe('assessAnswerability', () => {
  it('does not call a question answered when its rare words are absent from the corpus ("bees on the roof")', () => {
    const context = [passage('Employees may work from the office or remotely, as this policy describes.')]
    const bees = assessAnswerability(
      "What is the company's policy on keeping bees on the office roof?",
      context,
      stats,
    )
    expect(bees.signals.terms.find((t) => t.term === 'bee')).toMatchObject({ df: 0, supported: false })
    expect(bees.score).toBeLessThan(0.3)
    const remote = assessAnswerability(
      'How many days a week can I work remotely?',
      [passage('You may work remotely 3 days a week.')],
      stats,
    )
    expect(remote.score).toBeGreaterThan(0.9)
  })

  it('weighs terms by their IDF over the reader’s documents, absent terms the most', () => {
    expect(idf(200, 0)).toBeGreaterThan(idf(200, 12))
    expect(idf(200, 12)).toBeGreaterThan(idf(200, 150))
  })

  it('halves the score when the passage lacks the form the question asks for', () => {
    const context = [passage('Remote work days are agreed with your manager.')]
    const typed = assessAnswerability('How many remote work days do I get?', context, stats)
    expect(typed.signals).toMatchObject({ questionType: 'number', typeMatch: false })
    expect(typed.score).toBeCloseTo(typed.signals.coverage * 0.5, 2)
  })

  it('reads the best passage, including its title and headings', () => {
    const context = [
      passage('Nothing relevant here.', 'Other'),
      passage('You may do it 3 days a week.', 'Remote work'),
    ]
    const result = assessAnswerability('How many days can I work remote?', context, stats)
    expect(result.signals.coverage).toBe(1)
  })

  it('is 0 without context', () => {
    expect(assessAnswerability('Can I work remotely?', [], stats).score).toBe(0)
  })
})

describe('question terms', () => {
  it('leave out question phrasing and the details of the asker’s situation', () => {
    expect(
      topicTerms('A supplier sent me a bottle of wine worth EUR 150 on Saturday. Can I keep it?'),
    ).toEqual(['supplier', 'sent', 'bottl', 'wine', 'worth', 'eur'])
  })

  it('leave out light words a question uses in passing ("I think", "at what point", "all my")', () => {
    expect(
      topicTerms('I think I have used all my sick days. At what point do I need a doctor’s note?'),
    ).toEqual(['sick', 'dai', 'doctor', 'note'])
  })

  it('treat "now" as a relative date, like "today"', () => {
    expect(topicTerms('Can I send my appeal now?')).toEqual(['send', 'appeal'])
  })
})

describe('questionType', () => {
  it.each([
    ['How many days of PTO do I get?', 'duration'],
    ['How much is the home office allowance?', 'number'],
    ['When do raises take effect?', 'date'],
    ['Who approves a refund over 50,000?', 'who'],
    ['Can I expense a keyboard?', 'yes-no'],
    ['I work in Lisbon, how long is the notice period?', 'duration'],
    ['What should I do if my laptop is stolen?', 'open'],
  ])('%s → %s', (question, type) => {
    expect(questionType(question)).toBe(type)
  })

  it('matches answers of the asked form', () => {
    expect(matchesQuestionType('number', 'The allowance is EUR 600.')).toBe(true)
    expect(matchesQuestionType('number', 'The allowance is generous.')).toBe(false)
    expect(matchesQuestionType('duration', 'Claims are due within thirty days.')).toBe(true)
    expect(matchesQuestionType('duration', 'Claims go to your manager.')).toBe(false)
    expect(matchesQuestionType('who', 'Your manager approves it.')).toBe(true)
  })
})
