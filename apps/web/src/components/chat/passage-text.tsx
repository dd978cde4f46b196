'use client'

import { useMemo } from 'react'
import type { Components } from 'react-markdown'
import { useTranslations } from 'use-intl'
import { MarkdownText, type RemarkPlugins } from '@/components/markdown/markdown-text'
import { remarkHighlight } from '@/lib/shared/markdown/remark-highlight'

/** `<mark data-quote>` from remarkHighlight (module-level: stable across renders). */
const COMPONENTS: Components = {
  mark: ({ node: _node, children }) => (
    <mark className="rounded-sm bg-yellow-200 px-0.5 text-slate-900" data-testid="citation-quote">
      {children}
    </mark>
  ),
}

/** A cited passage as Markdown (tables as tables), its supporting quote highlighted. */
export function PassageText({ passage, quote }: { passage: string; quote: string }) {
  const t = useTranslations('answer')
  const plugins = useMemo<RemarkPlugins>(() => [[remarkHighlight, { quote }]], [quote])
  return <MarkdownText text={passage} tableLabel={t('table')} plugins={plugins} components={COMPONENTS} />
}
