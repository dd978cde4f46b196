import { describe, expect, it } from 'vitest'
import { type KeyEventLike, queueActionFor } from '@/lib/shared/review/shortcuts'

const press = (key: string, over: Partial<KeyEventLike> = {}): KeyEventLike => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  target: { tagName: 'BODY' },
  ...over,
})

describe('queue shortcuts', () => {
  it('maps a, r, c, j/n and k', () => {
    expect(['a', 'r', 'c', 'j', 'n', 'k', 'x'].map((k) => queueActionFor(press(k)))).toEqual([
      'approve',
      'reject',
      'correct',
      'next',
      'next',
      'previous',
      null,
    ])
    expect(queueActionFor(press('A'))).toBe('approve')
  })

  it('never fires while typing in a field', () => {
    for (const target of [
      { tagName: 'TEXTAREA' },
      { tagName: 'INPUT', type: 'text' },
      { tagName: 'INPUT', type: 'search' },
      { tagName: 'SELECT' },
      { tagName: 'DIV', isContentEditable: true },
    ])
      expect(queueActionFor(press('a', { target }))).toBeNull()
  })

  it('fires on checkboxes and buttons, not with modifiers or when already handled', () => {
    expect(queueActionFor(press('r', { target: { tagName: 'INPUT', type: 'checkbox' } }))).toBe('reject')
    expect(queueActionFor(press('n', { target: { tagName: 'BUTTON' } }))).toBe('next')
    expect(queueActionFor(press('c', { ctrlKey: true }))).toBeNull()
    expect(queueActionFor(press('a', { metaKey: true }))).toBeNull()
    expect(queueActionFor(press('a', { defaultPrevented: true }))).toBeNull()
  })
})
