/** Keyboard shortcuts of the review queue, shown on screen next to the buttons they trigger. */
export type QueueAction = 'approve' | 'reject' | 'correct' | 'next' | 'previous'

export const QUEUE_SHORTCUTS: { keys: string[]; action: QueueAction; label: string }[] = [
  { keys: ['a'], action: 'approve', label: 'Approve' },
  { keys: ['r'], action: 'reject', label: 'Reject' },
  { keys: ['c'], action: 'correct', label: 'Correct' },
  { keys: ['j', 'n'], action: 'next', label: 'Next (skip)' },
  { keys: ['k'], action: 'previous', label: 'Previous' },
]

export type KeyEventLike = {
  key: string
  altKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  target: { tagName?: string; isContentEditable?: boolean; type?: string } | null
  defaultPrevented?: boolean
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT'])
/** Inputs where a letter key does not type anything: shortcuts still work there. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset'])

/** Whether the event comes from a field the user types into (then shortcuts must not fire). */
export function isTypingTarget(target: KeyEventLike['target']): boolean {
  if (!target) return false
  if (target.isContentEditable) return true
  const tag = (target.tagName ?? '').toUpperCase()
  if (!TYPING_TAGS.has(tag)) return false
  return !(tag === 'INPUT' && NON_TEXT_INPUTS.has((target.type ?? '').toLowerCase()))
}

/** The queue action for a key press, or null (modifiers, typing in a field, unknown key). */
export function queueActionFor(event: KeyEventLike): QueueAction | null {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return null
  if (isTypingTarget(event.target)) return null
  const key = event.key.toLowerCase()
  return QUEUE_SHORTCUTS.find((s) => s.keys.includes(key))?.action ?? null
}
