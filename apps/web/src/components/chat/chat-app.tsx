'use client'

import { Menu, X } from 'lucide-react'
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { Sheet } from '@/components/ui/sheet'
import { callApi } from '@/lib/client/api-client'
import { useMediaQuery } from '@/lib/client/use-media-query'
import type { ConversationItem, UiMessage } from '@/lib/shared/chat/types'
import { cn } from '@/lib/shared/utils'
import { AssistantMessage } from './assistant-message'
import { COMPOSER_ID, Composer } from './composer'
import { ConversationSidebar } from './conversation-sidebar'
import { EmptyState } from './empty-state'
import { SourcesPanelBody } from './sources-panel-body'
import { useChat } from './use-chat'

type Props = {
  userName: string
  header: ReactNode
  initialConversations: ConversationItem[]
  initialConversationId: string | null
  initialMessages: UiMessage[]
}

export function ChatApp({
  userName,
  header,
  initialConversations,
  initialConversationId,
  initialMessages,
}: Props) {
  const t = useTranslations()
  const [conversations, setConversations] = useState(initialConversations)
  const [documentOpen, setDocumentOpen] = useState(false)
  const [historyOpen, setHistoryOpen] = useState(false)
  const [panel, setPanel] = useState<{ messageId: string; n: number } | null>(null)
  const panelTrigger = useRef<HTMLElement | null>(null)
  const panelHeading = useRef<HTMLHeadingElement>(null)
  const inputRef = useRef<HTMLTextAreaElement>(null)
  const endRef = useRef<HTMLDivElement>(null)
  const wide = useMediaQuery('(min-width: 1024px)')

  const refreshConversations = useCallback(async () => {
    const result = await callApi<{ conversations: ConversationItem[] }>('/api/conversations')
    if (result.ok) setConversations(result.data.conversations)
  }, [])
  const chat = useChat({
    initialConversationId,
    initialMessages,
    onConversationChanged: refreshConversations,
  })

  const lastContent = chat.messages.at(-1)?.content
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the newest text as it streams in
  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' })
  }, [lastContent, chat.messages.length])

  const closePanel = useCallback(() => {
    setPanel(null)
    panelTrigger.current?.focus()
  }, [])
  const openCitation = (messageId: string, n: number, trigger: HTMLElement) => {
    panelTrigger.current = trigger
    setPanel({ messageId, n })
  }
  useEffect(() => {
    if (panel && wide) panelHeading.current?.focus()
  }, [panel, wide])

  const openConversation = async (id: string | null) => {
    setPanel(null)
    setHistoryOpen(false)
    await chat.open(id)
    // Opening it marked its handoff replies read on the server.
    setConversations((list) => list.map((c) => (c.id === id ? { ...c, unread: false } : c)))
    inputRef.current?.focus()
  }
  const ask = (text: string) => {
    setPanel(null)
    void chat.send(text)
    inputRef.current?.focus()
  }
  const rename = async (id: string, title: string) => {
    const result = await callApi(`/api/conversations/${id}`, { method: 'PATCH', json: { title } })
    if (result.ok) await refreshConversations()
  }
  const remove = async (id: string) => {
    const result = await callApi(`/api/conversations/${id}`, { method: 'DELETE' })
    if (!result.ok) return
    if (id === chat.conversationId) await openConversation(null)
    await refreshConversations()
  }

  const panelMessage = panel ? chat.messages.find((m) => m.id === panel.messageId) : undefined
  const sidebar = (
    <ConversationSidebar
      conversations={conversations}
      activeId={chat.conversationId}
      onNew={() => void openConversation(null)}
      onOpen={(id) => void openConversation(id)}
      onRename={rename}
      onDelete={remove}
    />
  )
  const lastQuestion = [...chat.messages].reverse().find((m) => m.role === 'user')?.content

  return (
    <div className="flex h-dvh flex-col">
      {/* First stop for keyboard users: past the header and a long conversation list to the question. */}
      <a
        href={`#${COMPOSER_ID}`}
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:shadow"
        onClick={(event) => {
          event.preventDefault()
          document.getElementById(COMPOSER_ID)?.focus()
        }}
      >
        {t('chat.skipToQuestion')}
      </a>
      {header}
      <div className="flex min-h-0 flex-1">
        <aside className="hidden w-72 shrink-0 border-r border-slate-200 bg-white md:block">{sidebar}</aside>
        <main className="flex min-w-0 flex-1 flex-col" aria-busy={chat.streaming}>
          <div className="flex items-center gap-2 border-b border-slate-200 bg-white px-3 py-2 md:hidden">
            <Button
              variant="ghost"
              size="sm"
              onClick={() => setHistoryOpen(true)}
              aria-label={t('chat.showConversations')}
            >
              <Menu aria-hidden /> {t('chat.conversations')}
            </Button>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto">
            {chat.messages.length === 0 ? (
              <EmptyState name={userName} onAsk={ask} />
            ) : (
              <ol
                aria-label={t('chat.conversation')}
                className="mx-auto w-full max-w-3xl space-y-6 px-4 py-6"
              >
                {chat.messages.map((m) =>
                  m.role === 'user' ? (
                    <li key={m.id} className="flex justify-end" data-testid="user-message">
                      <div className="max-w-[85%] rounded-2xl rounded-br-sm bg-indigo-600 px-4 py-2.5 whitespace-pre-wrap text-white">
                        <span className="sr-only">{t('chat.youAsked')}</span>
                        {m.content}
                      </div>
                    </li>
                  ) : (
                    <li
                      key={m.id}
                      className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
                      data-testid="assistant-message"
                    >
                      <span className="sr-only">{t('chat.answered')}</span>
                      <AssistantMessage
                        message={m}
                        onCitation={(n, trigger) => openCitation(m.id, n, trigger)}
                        onRated={(rating) => chat.setRating(m.id, rating)}
                        onRetry={() => lastQuestion && ask(lastQuestion)}
                      />
                    </li>
                  ),
                )}
              </ol>
            )}
            <div ref={endRef} />
          </div>
          <div className="border-t border-slate-200 bg-slate-50 px-3 pt-3 pb-2 sm:px-4">
            <Composer streaming={chat.streaming} onSend={ask} onStop={chat.stop} inputRef={inputRef} />
          </div>
          <p className="sr-only" role="status" aria-live="polite">
            {chat.announcement}
          </p>
        </main>
        {panel && panelMessage && wide ? (
          <aside
            aria-labelledby="sources-heading"
            className={cn(
              'flex shrink-0 flex-col border-l border-slate-200 bg-white',
              documentOpen ? 'w-[min(44rem,50vw)]' : 'w-[26rem]',
            )}
            onKeyDown={(e) => {
              if (e.key === 'Escape') closePanel()
            }}
          >
            <div className="flex items-center justify-between border-b border-slate-200 p-4">
              <h2
                id="sources-heading"
                ref={panelHeading}
                tabIndex={-1}
                className="font-semibold focus:outline-none"
              >
                {t('sources.heading')}
              </h2>
              <Button variant="ghost" size="icon-sm" aria-label={t('sources.close')} onClick={closePanel}>
                <X aria-hidden />
              </Button>
            </div>
            <SourcesPanelBody
              key={`${panel.messageId}-${panel.n}`}
              citations={panelMessage.citations}
              selected={panel.n}
              onDocumentChange={setDocumentOpen}
            />
          </aside>
        ) : null}
      </div>
      <Sheet
        open={Boolean(panel && panelMessage && !wide)}
        onOpenChange={(open) => {
          if (!open) setPanel(null)
        }}
        title={t('sources.heading')}
      >
        {panelMessage && panel ? (
          <SourcesPanelBody
            key={`${panel.messageId}-${panel.n}`}
            citations={panelMessage.citations}
            selected={panel.n}
          />
        ) : null}
      </Sheet>
      <Sheet
        open={historyOpen}
        onOpenChange={setHistoryOpen}
        title={t('chat.conversations')}
        side="left"
        className="w-80"
      >
        {sidebar}
      </Sheet>
    </div>
  )
}
