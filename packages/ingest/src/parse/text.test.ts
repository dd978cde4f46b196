import { describe, expect, it } from 'vitest'
import { parseDocument } from './index'
import { parseText } from './text'

describe('parseText', () => {
  it('joins wrapped lines into paragraphs and finds conservative headings', () => {
    const source = [
      'CODE OF CONDUCT',
      '',
      '1. Scope',
      '',
      'This code applies to all employees,',
      'contractors and interns.',
      '',
      '1.1 Exceptions',
      '',
      'None, unless agreed in writing by the',
      'well-',
      'known ethics board.',
      '',
      'Gifts and hospitality',
      '',
      'Gifts above 50 EUR must be declared.',
    ].join('\r\n')
    expect(parseText(source)).toEqual({
      title: 'CODE OF CONDUCT',
      blocks: [
        { kind: 'heading', level: 1, text: 'CODE OF CONDUCT' },
        { kind: 'heading', level: 1, text: '1. Scope' },
        { kind: 'paragraph', text: 'This code applies to all employees, contractors and interns.' },
        { kind: 'heading', level: 2, text: '1.1 Exceptions' },
        { kind: 'paragraph', text: 'None, unless agreed in writing by the well-known ethics board.' },
        // Title Case alone is not enough: too many ordinary short lines look like that.
        { kind: 'paragraph', text: 'Gifts and hospitality' },
        { kind: 'paragraph', text: 'Gifts above 50 EUR must be declared.' },
      ],
    })
  })

  it('does not turn numbered steps, sentences or a trailing line into headings', () => {
    const source = '1. Submit the form\n\n2. Wait for approval\n\nThis is a sentence.\n\nSEE ALSO'
    expect(parseText(source).blocks).toEqual([
      { kind: 'list', text: '1. Submit the form' },
      { kind: 'list', text: '2. Wait for approval' },
      { kind: 'paragraph', text: 'This is a sentence.' },
      { kind: 'paragraph', text: 'SEE ALSO' },
    ])
  })

  it('splits an intro line from its bullet list and nests indented items', () => {
    const source =
      'You must:\n• keep receipts\n  for seven years\n- submit within 30 days\n    a) by email\n    b) by post'
    expect(parseText(source).blocks).toEqual([
      { kind: 'paragraph', text: 'You must:' },
      {
        kind: 'list',
        text: '- keep receipts for seven years\n- submit within 30 days\n  a) by email\n  b) by post',
      },
    ])
  })

  it('treats underlined lines as headings and keeps column-aligned text line by line', () => {
    const source = 'Allowances\n==========\n\nGrade    Days\nA        25\nB        28\n\nEnd.'
    expect(parseText(source).blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Allowances' },
      { kind: 'paragraph', text: 'Grade    Days\nA        25\nB        28' },
      { kind: 'paragraph', text: 'End.' },
    ])
  })
})

describe('parseDocument with plain text', () => {
  it('keeps Japanese and Greek text and decodes UTF-16 and Windows-1252 files', async () => {
    const text = '就業規則\n\n従業員は毎年二十日の有給休暇を取得できる。\n\nΟι εργαζόμενοι δικαιούνται άδεια.'
    const utf8 = await parseDocument(Buffer.from(text), { fileName: 'rules.txt', maxBytes: 10_000 })
    expect(utf8.mime).toBe('text/plain')
    expect(utf8.blocks.map((b) => b.text)).toEqual([
      '就業規則',
      '従業員は毎年二十日の有給休暇を取得できる。',
      'Οι εργαζόμενοι δικαιούνται άδεια.',
    ])

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    expect((await parseDocument(utf16, { maxBytes: 10_000 })).blocks).toEqual(utf8.blocks)

    // "Café lunches cost €5; the “ok” comes from your manager." in Windows-1252.
    const cp1252 = Buffer.from(
      'Caf\xe9 lunches cost \x805; the \x93ok\x94 comes from your manager.',
      'latin1',
    )
    expect((await parseDocument(cp1252, { maxBytes: 10_000 })).blocks).toEqual([
      { kind: 'paragraph', text: 'Café lunches cost €5; the “ok” comes from your manager.' },
    ])

    // Mostly high bytes is another code page (here Windows-1251 Russian): refused, not mojibake.
    const cp1251 = Buffer.from([
      0xcf, 0xf0, 0xe0, 0xe2, 0xe8, 0xeb, 0xe0, 0x20, 0xee, 0xf2, 0xef, 0xf3, 0xf1, 0xea, 0xe0,
    ])
    await expect(parseDocument(cp1251, { fileName: 'rules.txt', maxBytes: 10_000 })).rejects.toThrow(
      '"rules.txt" is not UTF-8 text (it looks like a legacy 8-bit encoding)',
    )
  })

  it('rejects empty, oversized and letterless files with readable reasons', async () => {
    await expect(parseDocument(Buffer.alloc(0), { maxBytes: 10 })).rejects.toThrow('The file is empty')
    const big = Buffer.alloc(Math.round(73.2 * 1024 * 1024))
    await expect(parseDocument(big, { maxBytes: 50 * 1024 * 1024 })).rejects.toThrow(
      'The file is 73.2 MB; the limit is 50 MB',
    )
    await expect(parseDocument(Buffer.from('12 34\n\n---\n\n56'), { maxBytes: 100 })).rejects.toThrow(
      'The document contains no extractable text',
    )
  })

  it('removes invisible characters and soft hyphens', async () => {
    const parsed = await parseDocument(Buffer.from('Zero\u200Bwidth and soft\u00ADhyphen\uFEFF text.'), {
      maxBytes: 1000,
    })
    expect(parsed.blocks).toEqual([{ kind: 'paragraph', text: 'Zerowidth and softhyphen text.' }])
  })
})
