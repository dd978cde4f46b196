'use client'

import { ArrowUp, Square } from 'lucide-react'
import { type RefObject, useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { Textarea } from '@/components/ui/textarea'

/** The question box's id: the chat's skip link jumps here past the header and the conversation list. */
export const COMPOSER_ID = 'chat-question'

const MAX_LENGTH = 4000

type Props = {
  streaming: boolean
  onSend: (text: string) => void
  onStop: () => void
  inputRef: RefObject<HTMLTextAreaElement | null>
}

/** Enter sends, Shift+Enter adds a line; while an answer streams, the send button becomes Stop. */
export function Composer({ streaming, onSend, onStop, inputRef }: Props) {
  const t = useTranslations('composer')
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
          placeholder={t('placeholder')}
          aria-label={t('label')}
          id={COMPOSER_ID}
          className="field-sizing-content max-h-48 min-h-14 border-0 bg-transparent pr-14 shadow-none focus-visible:outline-none"
        />
        <div className="absolute right-2 bottom-2">
          {streaming ? (
            <Button variant="secondary" size="icon" aria-label={t('stop')} onClick={onStop}>
              <Square className="fill-current" aria-hidden />
            </Button>
          ) : (
            <Button
              type="submit"
              size="icon"
              aria-label={t('send')}
              disabled={text.trim().length === 0 || text.length > MAX_LENGTH}
            >
              <ArrowUp aria-hidden />
            </Button>
          )}
        </div>
      </div>
      <p className="mt-1.5 flex justify-between px-1 text-xs text-slate-500">
        <span>{t('hint')}</span>
        {text.length > MAX_LENGTH - 400 ? (
          <span className={text.length > MAX_LENGTH ? 'text-red-700' : undefined}>
            {text.length}/{MAX_LENGTH}
          </span>
        ) : null}
      </p>
    </form>
  )
}
