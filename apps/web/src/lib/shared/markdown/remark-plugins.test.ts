import type { Element } from 'hast'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import Markdown, { type Components, type Options } from 'react-markdown'
import remarkGfm from 'remark-gfm'
import { describe, expect, it } from 'vitest'
import { remarkCitations } from '@/lib/shared/markdown/remark-citations'
import { remarkHighlight } from '@/lib/shared/markdown/remark-highlight'
import { remarkUnverified } from '@/lib/shared/markdown/remark-unverified'

/** Renders like MarkdownText does (GFM, raw HTML skipped), citations shown as `<cite-n>` for assertions. */
function render(text: string, plugins: Options['remarkPlugins'] = []): string {
  const components: Components = {
    sup: ({ node, children }: { node?: Element; children?: React.ReactNode }) => {
      const n = node?.properties.dataCitation
      return typeof n === 'number'
        ? createElement('cite', { 'data-n': n }, `#${n}`)
        : createElement('sup', null, children)
    },
  }
  return renderToStaticMarkup(
    createElement(
      Markdown,
      { remarkPlugins: [remarkGfm, ...(plugins ?? [])], components, skipHtml: true },
      text,
    ),
  )
}

describe('answer and passage Markdown', () => {
  it('renders a GFM table as a table, not pipes', () => {
    const html = render('| Monthly uptime | Service credit |\n| --- | --- |\n| < 99.9% | 10% |')
    expect(html).toContain('<table>')
    expect(html).toContain('<th>Monthly uptime</th>')
    expect(html).toContain('<td>10%</td>')
    expect(html).not.toContain('|')
  })

  it('drops raw HTML and script URLs', () => {
    const html = render('Hi <script>alert(1)</script><b onclick="x()">bold</b> [link](javascript:alert(1))')
    expect(html).not.toContain('<script')
    expect(html).not.toContain('onclick')
    expect(html).not.toContain('javascript:')
  })

  it('turns [n] markers into citations inside lists, bold and tables, and leaves code alone', () => {
    const html = render(
      '- **Managers approve** up to EUR 5,000 [1].\n- Above that, the CFO [2, 3].\n\n`[4]`\n\n| a |\n|---|\n| cell [5] |',
      [remarkCitations],
    )
    expect(html).toContain(
      '<li><strong>Managers approve</strong> up to EUR 5,000 <cite data-n="1">#1</cite>.</li>',
    )
    expect(html).toContain('the CFO <cite data-n="2">#2</cite><cite data-n="3">#3</cite>')
    expect(html).toContain('<code>[4]</code>')
    expect(html).toContain('<td>cell <cite data-n="5">#5</cite></td>')
  })

  it('marks the unverified sentence (across bold) and only that one, with a badge after it', () => {
    const html = render(
      'Leave is **25 days** a year [1]. Dogs are welcome [2]. Carry-over ends in March [1].',
      [remarkCitations, [remarkUnverified, { sentences: ['Dogs are welcome.'] }]],
    )
    // The sentence runs up to its full stop, past its citation: two marked pieces, then the badge.
    expect(html).toContain(
      '<span data-unverified="true">Dogs are welcome </span><cite data-n="2">#2</cite><span data-unverified="true">.</span><span data-unverified-badge="true"></span> Carry-over',
    )
    expect(html.match(/data-unverified="true"/g)).toHaveLength(2)
    expect(html.match(/data-unverified-badge/g)).toHaveLength(1)
  })

  it('highlights a quote word for word across Markdown emphasis, else marks nothing', () => {
    const passage = 'Claims over EUR 2,500 need **the department head**’s approval. Receipts are required.'
    expect(
      render(passage, [
        [remarkHighlight, { quote: 'Claims over EUR 2,500 need the department head’s approval.' }],
      ]),
    ).toContain(
      '<mark data-quote="true">Claims over EUR 2,500 need </mark><strong><mark data-quote="true">the department head</mark></strong><mark data-quote="true">’s approval</mark>. Receipts',
    )
    expect(render(passage, [[remarkHighlight, { quote: 'Not in the passage.' }]])).not.toContain('<mark>')
  })
})
