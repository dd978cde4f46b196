'use client'

import { Check, MessageSquare, Pencil, Plus, Trash2, X } from 'lucide-react'
import { useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import type { ConversationItem } from '@/lib/shared/chat/types'
import { cn } from '@/lib/shared/utils'
import { DeleteHistoryButton } from './delete-history-button'

type Props = {
  conversations: ConversationItem[]
  activeId: string | null
  onNew: () => void
  onOpen: (id: string) => void
  onRename: (id: string, title: string) => Promise<void>
  onDelete: (id: string) => Promise<void>
}

function ConversationRow({
  item,
  active,
  onOpen,
  onRename,
  onDelete,
}: {
  item: ConversationItem
  active: boolean
  onOpen: () => void
  onRename: (title: string) => Promise<void>
  onDelete: () => Promise<void>
}) {
  const t = useTranslations('chat')
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm-delete'>('view')
  const [title, setTitle] = useState(item.title)

  if (mode === 'rename') {
    return (
      <form
        className="flex items-center gap-1 p-1"
        onSubmit={async (e) => {
          e.preventDefault()
          if (title.trim()) await onRename(title.trim())
          setMode('view')
        }}
      >
        <input
          // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this title
          autoFocus
          aria-label={t('conversationTitle')}
          value={title}
          maxLength={120}
          onChange={(e) => setTitle(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setMode('view')
          }}
          className="h-8 min-w-0 flex-1 rounded-md border border-slate-300 px-2 text-sm"
        />
        <Button type="submit" variant="ghost" size="icon-sm" aria-label={t('saveTitle')}>
          <Check aria-hidden />
        </Button>
        <Button variant="ghost" size="icon-sm" aria-label={t('cancelRename')} onClick={() => setMode('view')}>
          <X aria-hidden />
        </Button>
      </form>
    )
  }
  if (mode === 'confirm-delete') {
    return (
      <fieldset className="flex items-center gap-1 rounded-md bg-red-50 p-1.5 text-sm">
        <legend className="sr-only">{t('confirmDelete')}</legend>
        <span className="flex-1 truncate px-1 text-red-900">
          {t('deleteQuestion', { title: item.title })}
        </span>
        <Button variant="danger" size="sm" onClick={() => void onDelete()}>
          {t('delete')}
        </Button>
        <Button variant="ghost" size="sm" onClick={() => setMode('view')}>
          {t('cancel')}
        </Button>
      </fieldset>
    )
  }
  return (
    <div
      className={cn(
        'group flex items-center gap-1 rounded-md pr-1',
        active ? 'bg-indigo-50 text-indigo-900' : 'text-slate-700 hover:bg-slate-100',
      )}
    >
      <button
        type="button"
        onClick={onOpen}
        aria-current={active ? 'page' : undefined}
        className="flex min-w-0 flex-1 items-center gap-2 px-2 py-2 text-left text-sm"
      >
        <MessageSquare className="size-4 shrink-0 opacity-60" aria-hidden />
        <span className="truncate">{item.title}</span>
        {item.unread ? (
          <span className="ml-auto flex shrink-0 items-center" data-testid="unread-dot">
            <span className="size-2 rounded-full bg-indigo-600" aria-hidden />
            <span className="sr-only">{t('unreadReply')}</span>
          </span>
        ) : null}
      </button>
      <Button
        variant="ghost"
        size="icon-sm"
        aria-label={t('rename', { title: item.title })}
        className="opacity-100 sm:opacity-0 sm:group-focus-within:opacity-100 sm:group-hover:opacity-100"
        onClick={() => {
          setTitle(item.title)
          setMode('rename')
        }}
      >
        <Pencil aria-hidden />
      </Button>
      <Button
        variant="ghost"
        size="icon-sm"
        aria-label={t('deleteConversation', { title: item.title })}
        className="opacity-100 sm:opacity-0 sm:group-focus-within:opacity-100 sm:group-hover:opacity-100"
        onClick={() => setMode('confirm-delete')}
      >
        <Trash2 aria-hidden />
      </Button>
    </div>
  )
}

export function ConversationSidebar({ conversations, activeId, onNew, onOpen, onRename, onDelete }: Props) {
  const t = useTranslations('chat')
  return (
    <nav aria-label={t('conversations')} className="flex h-full flex-col gap-2 p-3">
      <Button variant="secondary" onClick={onNew} className="w-full justify-start">
        <Plus aria-hidden /> {t('newConversation')}
      </Button>
      {conversations.length === 0 ? (
        <p className="px-2 pt-2 text-sm text-slate-500">{t('noConversations')}</p>
      ) : (
        <ul className="min-h-0 flex-1 space-y-0.5 overflow-y-auto" data-testid="conversation-list">
          {conversations.map((c) => (
            <li key={c.id}>
              <ConversationRow
                item={c}
                active={c.id === activeId}
                onOpen={() => onOpen(c.id)}
                onRename={(title) => onRename(c.id, title)}
                onDelete={() => onDelete(c.id)}
              />
            </li>
          ))}
        </ul>
      )}
      <div className="mt-auto">
        <DeleteHistoryButton />
      </div>
    </nav>
  )
}
