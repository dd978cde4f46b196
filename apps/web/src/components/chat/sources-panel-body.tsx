'use client'

import { useEffect, useRef, useState } from 'react'
import { DocumentPanel } from '@/components/document-view/document-panel'
import type { UiCitation } from '@/lib/shared/chat/types'
import { CitationList } from './citation-panel'

type Props = {
  citations: UiCitation[]
  selected: number
  /** Tells the panel frame to widen while a document is open. */
  onDocumentChange?: (open: boolean) => void
}

/**
 * What the sources panel shows: the answer's sources, or one source's spot inside its document. The list
 * stays mounted (hidden) while a document is open, so "Back" returns focus to the button that opened it.
 */
export function SourcesPanelBody({ citations, selected, onDocumentChange }: Props) {
  const [document, setDocument] = useState<UiCitation | null>(null)
  const trigger = useRef<HTMLElement | null>(null)
  const returning = useRef(false)
  useEffect(() => {
    onDocumentChange?.(document !== null)
    if (document === null && returning.current) {
      returning.current = false
      trigger.current?.focus()
    }
  }, [document, onDocumentChange])
  return (
    <>
      <div hidden={document !== null} className="min-h-0 flex-1 overflow-y-auto">
        <CitationList
          citations={citations}
          selected={selected}
          onShowInDocument={(citation, button) => {
            trigger.current = button
            setDocument(citation)
          }}
        />
      </div>
      {document ? (
        <DocumentPanel
          citation={document}
          onBack={() => {
            returning.current = true
            setDocument(null)
          }}
        />
      ) : null}
    </>
  )
}
