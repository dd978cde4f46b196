'use client'

import * as Dialog from '@radix-ui/react-dialog'
import { Check, UserRound } from 'lucide-react'
import { useEffect, useId, useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { callApi } from '@/lib/client/api-client'

type Props = {
  traceId: string
  /** The model proposed asking a person: open the dialog at once, note prefilled. Nothing is sent unconfirmed. */
  proposal?: { note: string }
}

type State =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'sent'; group: string }
  | { kind: 'error'; error: string }

/**
 * "Ask a person": a confirm dialog with an optional note, then POST /api/handoffs. The reply comes back
 * into this conversation, from a named person.
 */
export function AskPerson({ traceId, proposal }: Props) {
  const t = useTranslations('handoff')
  const [open, setOpen] = useState(false)
  const [note, setNote] = useState(proposal?.note ?? '')
  const [state, setState] = useState<State>({ kind: 'idle' })
  const noteId = useId()

  useEffect(() => {
    if (proposal) {
      setNote(proposal.note)
      setOpen(true)
    }
  }, [proposal])

  const send = async () => {
    setState({ kind: 'sending' })
    const result = await callApi<{ handoff?: { routedGroup: string | null } }>('/api/handoffs', {
      json: { traceId, ...(note.trim() ? { note: note.trim() } : {}) },
    })
    if (!result.ok || !result.data.handoff) {
      setState({ kind: 'error', error: (result.ok ? null : result.serverError) ?? t('failed') })
      return
    }
    setState({ kind: 'sent', group: (result.data.handoff.routedGroup ?? 'HR').toUpperCase() })
    setOpen(false)
  }

  if (state.kind === 'sent')
    return (
      <p
        role="status"
        className="flex items-center gap-1.5 text-sm text-emerald-800"
        data-testid="handoff-sent"
      >
        <Check className="size-4" aria-hidden />
        {t('sent', { group: state.group })}
      </p>
    )

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="secondary" size="sm">
          <UserRound aria-hidden /> {t('askPerson')}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl focus:outline-none">
          <Dialog.Title className="text-base font-semibold">{t('dialogTitle')}</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-600">
            {proposal ? t('proposed') : t('dialogDescription')}
          </Dialog.Description>
          <form
            className="mt-4 space-y-3"
            onSubmit={(e) => {
              e.preventDefault()
              void send()
            }}
          >
            <label htmlFor={noteId} className="block text-sm font-medium text-slate-800">
              {t('note')}
            </label>
            <textarea
              id={noteId}
              value={note}
              maxLength={2000}
              rows={3}
              onChange={(e) => setNote(e.target.value)}
              className="w-full rounded-md border border-slate-300 p-2 text-sm"
            />
            {state.kind === 'error' ? (
              <p role="alert" className="text-sm text-red-700">
                {state.error}
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button type="button" variant="ghost" size="sm">
                  {t('cancel')}
                </Button>
              </Dialog.Close>
              <Button type="submit" size="sm" disabled={state.kind === 'sending'}>
                {t('send')}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
