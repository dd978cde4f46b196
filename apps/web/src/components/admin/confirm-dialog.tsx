'use client'

import * as Dialog from '@radix-ui/react-dialog'
import { type ReactNode, useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/form-controls'

type Props = {
  trigger: ReactNode
  title: string
  description: ReactNode
  confirmLabel: string
  /** When set, the confirm button stays disabled until this exact text is typed. */
  typeToConfirm?: string
  onConfirm: () => Promise<boolean>
  busy?: boolean
}

/** A modal confirmation (Radix: focus trap, Escape closes, focus returns to the trigger). */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  typeToConfirm,
  onConfirm,
  busy,
}: Props) {
  const t = useTranslations('admin.confirm')
  const [open, setOpen] = useState(false)
  const [typed, setTyped] = useState('')
  const ready = !typeToConfirm || typed.trim() === typeToConfirm
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (!next) setTyped('')
      }}
    >
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl focus:outline-none">
          <Dialog.Title className="text-lg font-semibold text-slate-900">{title}</Dialog.Title>
          <Dialog.Description asChild>
            <div className="mt-2 space-y-2 text-sm text-slate-600">{description}</div>
          </Dialog.Description>
          <form
            className="mt-4 space-y-4"
            onSubmit={async (event) => {
              event.preventDefault()
              if (!ready) return
              if (await onConfirm()) setOpen(false)
            }}
          >
            {typeToConfirm ? (
              <div className="flex flex-col gap-1">
                <label htmlFor="confirm-text" className="text-xs font-medium text-slate-700">
                  {t.rich('typeToConfirm', {
                    text: typeToConfirm,
                    strong: (chunks) => <span className="font-semibold text-slate-900">{chunks}</span>,
                  })}
                </label>
                <Input
                  id="confirm-text"
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  autoComplete="off"
                />
              </div>
            ) : null}
            <div className="flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button variant="secondary">{t('cancel')}</Button>
              </Dialog.Close>
              <Button type="submit" variant="danger" disabled={!ready || busy}>
                {busy ? t('working') : confirmLabel}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
