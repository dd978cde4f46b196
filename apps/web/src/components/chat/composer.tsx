'use client'

import { ArrowUp, Square } from 'lucide-react'
import { type RefObject, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Textarea } from '@/components/ui/textarea'

const MAX_LENGTH = 4000

type Props = {
  streaming: boolean
  onSend: (text: string) => void
  onStop: () => void
  inputRef: RefObject<HTMLTextAreaElement | null>
}

/** Enter sends, Shift+Enter adds a line; while an answer streams, the send button becomes Stop. */
export function Composer({ streaming, onSend, onStop, inputRef }: Props) {
  const [text, setText] = useState('')
  const submit = () => {
    if (streaming || text.trim().length === 0 || text.length > MAX_LENGTH) return
    onSend(text)
    setText('')
  }
  return (
    <form
      className="mx-auto w-full max-w-3xl"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <div className="relative rounded-xl border border-slate-300 bg-white shadow-sm focus-within:border-indigo-500 focus-within:ring-2 focus-within:ring-indigo-500/20">
        <Textarea
          ref={inputRef}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault()
              submit()
            }
          }}
          rows={2}
          maxLength={MAX_LENGTH + 1}
          placeholder="Ask a question about company policy…"
          aria-label="Your question"
          className="field-sizing-content max-h-48 min-h-14 border-0 bg-transparent pr-14 shadow-none focus-visible:outline-none"
        />
        <div className="absolute right-2 bottom-2">
          {streaming ? (
            <Button variant="secondary" size="icon" aria-label="Stop answering" onClick={onStop}>
              <Square className="fill-current" aria-hidden />
            </Button>
          ) : (
            <Button
              type="submit"
              size="icon"
              aria-label="Send question"
              disabled={text.trim().length === 0 || text.length > MAX_LENGTH}
            >
              <ArrowUp aria-hidden />
            </Button>
          )}
        </div>
      </div>
      <p className="mt-1.5 flex justify-between px-1 text-xs text-slate-500">
        <span>
          Answers come only from documents you may read, with sources. Enter to send, Shift+Enter for a new
          line.
        </span>
        {text.length > MAX_LENGTH - 400 ? (
          <span className={text.length > MAX_LENGTH ? 'text-red-700' : undefined}>
            {text.length}/{MAX_LENGTH}
          </span>
        ) : null}
      </p>
    </form>
  )
}
