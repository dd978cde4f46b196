import type { Element } from 'hast'
import { type ComponentProps, createContext, useContext } from 'react'
import Markdown, { type Components, type Options } from 'react-markdown'
import remarkGfm from 'remark-gfm'
import { cn } from '@/lib/shared/utils'

/** remark plugins, each alone or with its options: `[plugin, options]`. */
export type RemarkPlugins = NonNullable<Options['remarkPlugins']>

type Props = {
  text: string
  /** Plugins after GFM (citations, highlights); they see the parsed tree. */
  plugins?: RemarkPlugins
  /** Overrides for elements our plugins produce (sup, mark, span). */
  components?: Components
  /** Accessible name of scrollable tables. */
  tableLabel: string
  className?: string
}

type HastProps<T extends keyof React.JSX.IntrinsicElements> = ComponentProps<T> & { node?: Element }

/** Headings inside an answer or passage sit below the page's own headings. */
const heading =
  (Tag: 'h3' | 'h4') =>
  ({ node: _node, className, ...props }: HastProps<'h3'>) => (
    <Tag className={cn('mt-3 mb-1 font-semibold text-slate-900 first:mt-0', className)} {...props} />
  )

const TableLabel = createContext('Table')

/** A wide table scrolls inside the text instead of widening the page; keyboard users can scroll it. */
function Table({ node: _node, ...props }: HastProps<'table'>) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="my-2 overflow-x-auto" aria-label={useContext(TableLabel)} tabIndex={0}>
      <table className="w-full border-collapse text-left text-sm" {...props} />
    </section>
  )
}

/** Module-level, so React keeps the rendered elements (and focus) across renders. */
const BASE: Components = {
  p: ({ node: _node, ...props }) => <p className="my-2 first:mt-0 last:mb-0" {...props} />,
  ul: ({ node: _node, ...props }) => <ul className="my-2 list-disc space-y-1 pl-5" {...props} />,
  ol: ({ node: _node, ...props }) => <ol className="my-2 list-decimal space-y-1 pl-5" {...props} />,
  h1: heading('h3'),
  h2: heading('h3'),
  h3: heading('h4'),
  h4: heading('h4'),
  h5: heading('h4'),
  h6: heading('h4'),
  a: ({ node: _node, ...props }) => (
    <a
      {...props}
      target="_blank"
      rel="noopener noreferrer nofollow"
      className="font-medium text-indigo-700 underline underline-offset-2"
    />
  ),
  blockquote: ({ node: _node, ...props }) => (
    <blockquote className="my-2 border-l-4 border-slate-200 pl-3 text-slate-700" {...props} />
  ),
  code: ({ node: _node, ...props }) => (
    <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em]" {...props} />
  ),
  pre: ({ node: _node, ...props }) => (
    <pre className="my-2 overflow-x-auto rounded-md bg-slate-100 p-3 text-sm" {...props} />
  ),
  table: Table,
  th: ({ node: _node, ...props }) => (
    <th className="border border-slate-200 bg-slate-50 px-2 py-1 font-semibold" {...props} />
  ),
  td: ({ node: _node, ...props }) => (
    <td className="border border-slate-200 px-2 py-1 align-top" {...props} />
  ),
}

/**
 * Markdown as documents and answers write it: GFM tables, lists, emphasis, links, code. Raw HTML is
 * dropped (`skipHtml`), URLs go through react-markdown's safe-protocol filter, and images are not loaded
 * (an answer or a document could point them at any server).
 */
export function MarkdownText({ text, plugins, components, tableLabel, className }: Props) {
  return (
    <TableLabel.Provider value={tableLabel}>
      <div className={cn('break-words', className)}>
        <Markdown
          remarkPlugins={[remarkGfm, ...(plugins ?? [])]}
          components={components ? { ...BASE, ...components } : BASE}
          skipHtml
          disallowedElements={['img']}
          unwrapDisallowed
        >
          {text}
        </Markdown>
      </div>
    </TableLabel.Provider>
  )
}
