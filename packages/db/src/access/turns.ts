/**
 * Conversations are their owner's alone (queries/conversations.ts scopes every lookup to the owner). Other
 * people see turns of a conversation only in the review area, as context of an answer they may see:
 * there, a turn is a question AND its answer, and a hidden answer hides the question that asked it too
 * (the question names what the hidden document is about).
 */
export type ContextMessage = {
  role: 'user' | 'assistant'
  /** For an answer: whether the viewer may see its trace (`traceVisibleTo`); true without a trace. */
  answerVisible: boolean
}

/**
 * Which messages of a conversation (oldest first) the viewer may read: an answer when its trace is
 * visible, a question when the answer right after it is (a question nobody answered drew on nothing).
 */
export function visibleTurns(messages: readonly ContextMessage[]): boolean[] {
  return messages.map((message, i) => {
    if (message.role === 'assistant') return message.answerVisible
    const next = messages[i + 1]
    return next?.role === 'assistant' ? next.answerVisible : true
  })
}
