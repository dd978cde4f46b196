import { describe, expect, it } from 'vitest'
import { parseDocument } from './index'
import { parseMarkdown } from './markdown'
import { stripInline } from './markdown-inline'

const policy = `---
title: "Remote Work Policy"
owner: People Team
---

# Working remotely

Employees **may** work from home up to *three* days
per week (see [the request form](https://intranet.example/forms/remote(1)) and \`HR-12\`).

## Equipment
Setext works too
----------------

- Laptop and headset
- A monitor on request
  when the manager agrees
  - Delivered within _five_ working days
    1. Order via the portal

1. Ask your manager
2. Book a desk

| Role | Office days |
| :--- | ---: |
| **Staff** | 2 |
| Lead \\| Manager | 3 |

\`\`\`bash
# not a heading
curl -X POST https://intranet.example/api
\`\`\`

> **Note:** home-office costs are
> not reimbursed.

![Desk setup diagram](desk.png)

就業規則 and Ελληνικά stay intact.
`

describe('parseMarkdown', () => {
  it('parses front matter, headings, lists, tables, code and quotes', () => {
    expect(parseMarkdown(policy)).toEqual({
      title: 'Remote Work Policy',
      blocks: [
        { kind: 'heading', level: 1, text: 'Working remotely' },
        {
          kind: 'paragraph',
          text: 'Employees may work from home up to three days per week (see the request form and HR-12).',
        },
        { kind: 'heading', level: 2, text: 'Equipment' },
        { kind: 'heading', level: 2, text: 'Setext works too' },
        {
          kind: 'list',
          text: [
            '- Laptop and headset',
            '- A monitor on request when the manager agrees',
            '  - Delivered within five working days',
            '    1. Order via the portal',
          ].join('\n'),
        },
        { kind: 'list', text: '1. Ask your manager\n2. Book a desk' },
        {
          kind: 'table',
          text: '| Role | Office days |\n| :--- | ---: |\n| Staff | 2 |\n| Lead \\| Manager | 3 |',
        },
        { kind: 'code', text: '# not a heading\ncurl -X POST https://intranet.example/api' },
        { kind: 'paragraph', text: 'Note: home-office costs are not reimbursed.' },
        { kind: 'paragraph', text: 'Desk setup diagram' },
        { kind: 'paragraph', text: '就業規則 and Ελληνικά stay intact.' },
      ],
      hiddenTextDropped: 0,
    })
  })

  it('takes the first H1 as title without front matter, and a lone --- is not front matter', () => {
    const parsed = parseMarkdown('---\n\nIntro text.\n\n## Scope\n\n# Data protection\n')
    expect(parsed.title).toBe('Data protection')
    expect(parsed.blocks[0]).toEqual({ kind: 'paragraph', text: 'Intro text.' })
  })

  it('keeps loose lists together across blank lines and keeps an unclosed fence to the end', () => {
    const parsed = parseMarkdown('* one\n\n* two\n\n   more for two\n\n```\ncode line\n\nstill code')
    expect(parsed.blocks).toEqual([
      { kind: 'list', text: '- one\n- two more for two' },
      { kind: 'code', text: 'code line\n\nstill code' },
    ])
  })

  it('does not start a list from a number inside a paragraph, and skips comments and link definitions', () => {
    const parsed = parseMarkdown(
      'The rule changed in\n2019. Since then it applies.\n\n<!-- draft\nnote -->\n[form]: https://x.example\n',
    )
    expect(parsed.blocks).toEqual([
      { kind: 'paragraph', text: 'The rule changed in 2019. Since then it applies.' },
    ])
  })
})

describe('stripInline', () => {
  it('removes emphasis, links and code markup but leaves identifiers and maths alone', () => {
    expect(stripInline('**Bold** and __strong__, *em* and _em_, ~~old~~')).toBe(
      'Bold and strong, em and em, old',
    )
    expect(stripInline('[![logo](a.png)](https://x) [ref link][1] <https://acme.example>')).toBe(
      'logo ref link https://acme.example',
    )
    expect(stripInline('use `**not bold**` and snake_case_name, 2 * 3 * 4')).toBe(
      'use **not bold** and snake_case_name, 2 * 3 * 4',
    )
    expect(stripInline('escaped \\*stars\\* and \\_under\\_')).toBe('escaped *stars* and _under_')
  })
})

describe('parseDocument with Markdown', () => {
  it('detects Markdown by structure even without a .md name', async () => {
    const parsed = await parseDocument(Buffer.from('# Κανονισμός\n\nΚείμενο με **έμφαση**.\n'), {
      maxBytes: 1000,
    })
    expect(parsed).toEqual({
      mime: 'text/markdown',
      title: 'Κανονισμός',
      blocks: [
        { kind: 'heading', level: 1, text: 'Κανονισμός' },
        { kind: 'paragraph', text: 'Κείμενο με έμφαση.' },
      ],
      hiddenTextDropped: 0,
    })
  })
})
