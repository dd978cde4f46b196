import { describe, expect, it } from 'vitest'
import { htmlToBlocks } from './html'
import { parseDocument } from './index'

const page = (body: string, head = '<title>Leave &amp; Absence | Acme Intranet</title>') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}<style>.x{color:red}</style></head><body>${body}</body></html>`

describe('htmlToBlocks', () => {
  it('keeps the main content and drops site boilerplate', () => {
    const html = page(`
      <header class="site"><a href="/">Acme Intranet</a><nav><a href="/hr">HR</a><a href="/it">IT</a></nav></header>
      <div role="navigation"><a href="/a">Breadcrumb home</a></div>
      <aside>Popular pages: canteen menu</aside>
      <main>
        <h1>Leave policy</h1>
        <p>Full-time staff get   <strong>25 days</strong>
           of paid leave per year.</p>
        <form><label>Search <input name="q"></label><button>Go</button></form>
        <script>trackPageView()</script>
      </main>
      <footer>© 2025 Acme Ltd · Privacy · Cookies</footer>
      <noscript>Enable JavaScript</noscript>`)
    const { title, blocks } = htmlToBlocks(html)
    expect(title).toBe('Leave & Absence | Acme Intranet')
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Leave policy' },
      { kind: 'paragraph', text: 'Full-time staff get 25 days of paid leave per year.' },
    ])
    const text = JSON.stringify(blocks)
    for (const boilerplate of [
      'Acme Intranet',
      'HR',
      'Breadcrumb',
      'canteen',
      '©',
      'Search',
      'trackPageView',
      'Enable',
    ]) {
      expect(text).not.toContain(boilerplate)
    }
  })

  it('without <main>, uses the body but still drops the site header and keeps an article header', () => {
    const html = page(`
      <header><h1>Acme Intranet</h1></header>
      <article><header><h1>Remote work</h1><p>Updated March 2025</p></header>
        <section><h2>Eligibility</h2><p>After probation.</p></section></article>
      <footer><p>Contact HR</p></footer>`)
    expect(htmlToBlocks(html).blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Remote work' },
      { kind: 'paragraph', text: 'Updated March 2025' },
      { kind: 'heading', level: 2, text: 'Eligibility' },
      { kind: 'paragraph', text: 'After probation.' },
    ])
  })

  it('with neither <main> nor a single <article>, walks the body and still drops footers and asides', () => {
    const html = page(`
      <div class="content"><h2>Sick leave</h2><p>Tell your manager by 10:00.</p><aside>Related: PTO</aside></div>
      <footer><p>© Acme Ltd</p><nav>Sitemap</nav></footer>`)
    expect(htmlToBlocks(html).blocks).toEqual([
      { kind: 'heading', level: 2, text: 'Sick leave' },
      { kind: 'paragraph', text: 'Tell your manager by 10:00.' },
    ])
  })

  it('renders lists as one block with nested items indented', () => {
    const html = `<ul><li>Annual leave<ul><li>Carry-over <em>up to</em> 5 days</li></ul></li><li><p>Sick leave</p></li></ul>
      <ol start="3"><li>Submit</li><li>Approve<ol><li>Line manager</li></ol></li></ol>`
    expect(htmlToBlocks(html).blocks).toEqual([
      { kind: 'list', text: '- Annual leave\n  - Carry-over up to 5 days\n- Sick leave' },
      { kind: 'list', text: '3. Submit\n4. Approve\n  1. Line manager' },
    ])
  })

  it('renders data tables as Markdown pipe tables, using the first row as header when there is no <th>', () => {
    const html = `<table><caption>Allowances</caption>
        <thead><tr><th>Grade</th><th>Days</th></tr></thead>
        <tbody><tr><td>A | B</td><td>25</td></tr><tr><td colspan="2">Part-time: pro rata</td></tr></tbody>
      </table>
      <table><tr><td><p>City</p></td><td><p>Rate</p></td></tr><tr><td><p>Oslo</p></td><td><p>€90</p></td></tr></table>`
    expect(htmlToBlocks(html).blocks).toEqual([
      { kind: 'paragraph', text: 'Allowances' },
      { kind: 'table', text: '| Grade | Days |\n| --- | --- |\n| A \\| B | 25 |\n| Part-time: pro rata | |' },
      { kind: 'table', text: '| City | Rate |\n| --- | --- |\n| Oslo | €90 |' },
    ])
  })

  it('treats single-column layout tables as ordinary content', () => {
    const html = '<table><tr><td><h2>Note</h2><p>Callout text.</p></td></tr></table>'
    expect(htmlToBlocks(html).blocks).toEqual([
      { kind: 'heading', level: 2, text: 'Note' },
      { kind: 'paragraph', text: 'Callout text.' },
    ])
  })

  it('decodes entities, collapses whitespace, keeps <pre> verbatim and loose text as paragraphs', () => {
    const html = `<div>Caf&eacute; costs &euro;3&nbsp;&ndash; see <a href="/x">menu</a><br>today
      <div>Inner block</div>tail text</div>
      <pre>  indented\n    code &lt;tag&gt;</pre><hr><p>   </p>`
    expect(htmlToBlocks(html).blocks).toEqual([
      { kind: 'paragraph', text: 'Café costs €3 – see menu today' },
      { kind: 'paragraph', text: 'Inner block' },
      { kind: 'paragraph', text: 'tail text' },
      { kind: 'code', text: '  indented\n    code <tag>' },
    ])
  })

  it('drops hidden elements and takes the first <h1> as title when there is no <title>', () => {
    const html = '<h1>就業規則</h1><p hidden>secret</p><p aria-hidden="true">icon</p><p>Ελληνικά κείμενα.</p>'
    expect(htmlToBlocks(html)).toEqual({
      title: '就業規則',
      blocks: [
        { kind: 'heading', level: 1, text: '就業規則' },
        { kind: 'paragraph', text: 'Ελληνικά κείμενα.' },
      ],
      hiddenTextDropped: 2,
    })
  })
})

describe('parseDocument with HTML', () => {
  it('detects HTML by content and strips a UTF-8 BOM', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(page('<main><p>Body.</p></main>')),
    ])
    const parsed = await parseDocument(bytes, { fileName: 'export.txt', maxBytes: 1_000_000 })
    expect(parsed).toEqual({
      mime: 'text/html',
      title: 'Leave & Absence | Acme Intranet',
      blocks: [{ kind: 'paragraph', text: 'Body.' }],
      hiddenTextDropped: 0,
    })
  })

  it('rejects a page that is all boilerplate', async () => {
    const bytes = Buffer.from(page('<nav>Home</nav><main><p>  </p><p>2025</p></main>'))
    await expect(parseDocument(bytes, { maxBytes: 1_000_000 })).rejects.toThrow(
      'The document contains no extractable text',
    )
  })
})
