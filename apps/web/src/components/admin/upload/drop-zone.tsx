'use client'

import { FileUp } from 'lucide-react'
import { useRef, useState } from 'react'
import { useTranslations } from 'use-intl'
import { Button } from '@/components/ui/button'
import { ACCEPT_ATTRIBUTE, SUPPORTED_FORMATS_TEXT } from '@/lib/shared/admin/upload-rules'
import { formatBytes } from '@/lib/shared/format'
import { cn } from '@/lib/shared/utils'

/**
 * Drag files here, or press the button to pick them (keyboard users never need to drag). The hidden
 * input is the real control, so tests and assistive tech can use it directly.
 */
export function DropZone({
  onFiles,
  multiple,
  maxBytes,
  disabled,
}: {
  onFiles: (files: File[]) => void
  multiple: boolean
  maxBytes: number
  disabled?: boolean
}) {
  const t = useTranslations('admin.upload.dropZone')
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: drop target only; the button inside is the keyboard path
    <div
      data-testid="drop-zone"
      onDragOver={(event) => {
        event.preventDefault()
        if (!disabled) setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault()
        setOver(false)
        if (disabled) return
        const files = [...event.dataTransfer.files]
        if (files.length > 0) onFiles(multiple ? files : files.slice(0, 1))
      }}
      className={cn(
        'flex flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed px-6 py-8 text-center transition-colors',
        over ? 'border-indigo-500 bg-indigo-50' : 'border-slate-300 bg-white',
        disabled && 'opacity-60',
      )}
    >
      <FileUp className="size-8 text-slate-400" aria-hidden />
      <p className="text-sm text-slate-700">
        {t.rich(multiple ? 'dragFiles' : 'dragFile', {
          choose: (chunks) => (
            <Button variant="secondary" size="sm" onClick={() => input.current?.click()} disabled={disabled}>
              {chunks}
            </Button>
          ),
        })}
      </p>
      <p className="text-xs text-slate-500">
        {t('limits', { formats: SUPPORTED_FORMATS_TEXT, size: formatBytes(maxBytes) })}
      </p>
      <input
        ref={input}
        type="file"
        className="hidden"
        aria-label={multiple ? t('chooseFiles') : t('chooseFile')}
        multiple={multiple}
        accept={ACCEPT_ATTRIBUTE}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])]
          if (files.length > 0) onFiles(files)
          event.target.value = ''
        }}
      />
    </div>
  )
}
