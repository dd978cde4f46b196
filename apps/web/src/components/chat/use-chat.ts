'use client'

import { useCallback, useRef, useState } from 'react'
import { useTranslations } from 'use-intl'
import { callApi } from '@/lib/client/api-client'
import { ChatRequestError, streamChat } from '@/lib/client/chat/chat-client'
import type { ChatFinal, ConversationItem, UiMessage } from '@/lib/shared/chat/types'
import { unverifiedSentences } from '@/lib/shared/chat/unverified'

type Options = {
  initialConversationId: string | null
  initialMessages: UiMessage[]
  onConversationChanged: () => void
}

const localId = () => `local-${crypto.randomUUID()}`

function pendingAnswer(): UiMessage {
  return {
    id: localId(),
    role: 'assistant',
    content: '',
    traceId: null,
    abstained: false,
    citations: [],
    unverified: [],
    rating: null,
    curated: false,
    status: 'streaming',
  }
}

function finishedAnswer(final: ChatFinal): UiMessage {
  return {
    id: final.messageId,
    role: 'assistant',
    content: final.text,
    traceId: final.traceId,
    abstained: final.abstained,
    citations: final.citations,
    unverified: [...unverifiedSentences(final.validation.sentences)],
    rating: null,
    curated: final.curatedAnswerId !== null,
    status: 'done',
    ...(final.handoffProposal ? { handoffProposal: final.handoffProposal } : {}),
    ...(final.toolCalls.length > 0 ? { toolCalls: final.toolCalls } : {}),
  }
}

/** Conversation state and the streaming round trip; presentation lives in the components. */
export function useChat({ initialConversationId, initialMessages, onConversationChanged }: Options) {
  const t = useTranslations('answer')
  const [conversationId, setConversationId] = useState<string | null>(initialConversationId)
  const [messages, setMessages] = useState<UiMessage[]>(initialMessages)
  const [streaming, setStreaming] = useState(false)
  const [announcement, setAnnouncement] = useState('')
  const abortRef = useRef<AbortController | null>(null)

  const updateLast = useCallback((update: (m: UiMessage) => UiMessage) => {
    setMessages((list) => {
      const last = list.at(-1)
      return last ? [...list.slice(0, -1), update(last)] : list
    })
  }, [])

  const send = useCallback(
    async (text: string) => {
      const message = text.trim()
      if (!message || abortRef.current) return
      const controller = new AbortController()
      abortRef.current = controller
      setStreaming(true)
      setAnnouncement(t('answering'))
      const question: UiMessage = { ...pendingAnswer(), role: 'user', content: message, status: 'done' }
      setMessages((list) => [...list, question, pendingAnswer()])
      try {
        await streamChat(
          { message, ...(conversationId ? { conversationId } : {}) },
          {
            onStart: (id) => {
              if (!id) return
              setConversationId(id)
              window.history.replaceState(null, '', `/?c=${id}`)
            },
            onToken: (token) => updateLast((m) => ({ ...m, content: m.content + token })),
            onFinal: (final) => {
              updateLast(() => finishedAnswer(final))
              setConversationId(final.conversationId)
              window.history.replaceState(null, '', `/?c=${final.conversationId}`)
              setAnnouncement(final.abstained ? t('abstained') : t('ready'))
              onConversationChanged()
            },
            onError: (error) => updateLast((m) => ({ ...m, status: 'error', error })),
          },
          controller.signal,
        )
        updateLast((m) =>
          m.status === 'streaming' ? { ...m, status: 'error', error: t('stoppedEarly') } : m,
        )
      } catch (error) {
        if (controller.signal.aborted) {
          updateLast((m) => ({ ...m, status: 'stopped' }))
          setAnnouncement(t('stopped'))
          onConversationChanged()
        } else {
          const text = error instanceof ChatRequestError ? error.message : t('unreachable')
          updateLast((m) => ({ ...m, status: 'error', error: text }))
          setAnnouncement(text)
        }
      } finally {
        abortRef.current = null
        setStreaming(false)
      }
    },
    [conversationId, onConversationChanged, updateLast, t],
  )

  const stop = useCallback(() => abortRef.current?.abort(), [])

  const open = useCallback(async (id: string | null) => {
    abortRef.current?.abort()
    if (!id) {
      setConversationId(null)
      setMessages([])
      window.history.replaceState(null, '', '/')
      return
    }
    const result = await callApi<{ conversation: ConversationItem; messages: UiMessage[] }>(
      `/api/conversations/${id}/messages`,
    )
    if (!result.ok) return
    setConversationId(id)
    setMessages(result.data.messages)
    window.history.replaceState(null, '', `/?c=${id}`)
  }, [])

  const setRating = useCallback((messageId: string, rating: UiMessage['rating']) => {
    setMessages((list) => list.map((m) => (m.id === messageId ? { ...m, rating } : m)))
  }, [])

  return { conversationId, messages, streaming, announcement, send, stop, open, setRating }
}
