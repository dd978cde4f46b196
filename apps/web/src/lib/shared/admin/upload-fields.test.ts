import { describe, expect, it } from 'vitest'
import { readMultipart } from '@/lib/server/request/multipart'
import { parseUploadForm as parseParts } from '@/lib/shared/admin/upload-fields'
import {
  buildUploadForm,
  createUploadItem,
  splitTags,
  validateUploadItem,
} from '@/lib/shared/admin/upload-item'

const pdf = (name = 'a.pdf') => new File(['%PDF-1.4'], name, { type: 'application/pdf' })

/** A form with no file part (an empty FormData has no multipart body at all). */
const formWithoutFiles = () => {
  const form = new FormData()
  form.append('title', 'x')
  return form
}

/** Through the real path: FormData → multipart bytes → the streaming parser → the field rules. */
async function parseUploadForm(form: FormData) {
  const request = new Request('http://test/api/documents', { method: 'POST', body: form })
  const body = await readMultipart(request, {
    maxFileBytes: 1024,
    maxRequestBytes: 1024 * 1024,
    maxFiles: 50,
  })
  if (!body.ok) throw new Error(body.error)
  return parseParts(body.body)
}

describe('parseUploadForm (POST /api/documents)', () => {
  it('reads files and shared fields, comma-separated or repeated', async () => {
    const form = new FormData()
    form.append('file', pdf('a.pdf'))
    form.append('file', pdf('b.pdf'))
    form.append('tags', 'finance, travel')
    form.append('tags', 'travel')
    form.append('groups', 'hr')
    form.append('groups', 'everyone')
    form.append('effectiveDate', '2026-03-01')
    const parsed = await parseUploadForm(form)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.files.map((f) => f.name)).toEqual(['a.pdf', 'b.pdf'])
    expect(parsed.fields).toEqual({
      tags: ['finance', 'travel'],
      groups: ['hr', 'everyone'],
      effectiveDate: '2026-03-01',
    })
  })

  it('explains what is wrong', async () => {
    expect(await parseUploadForm(formWithoutFiles())).toEqual({
      ok: false,
      error: 'Attach at least one file as a "file" field.',
    })
    const badDate = new FormData()
    badDate.append('file', pdf())
    badDate.append('effectiveDate', '2026-02-30')
    expect(await parseUploadForm(badDate)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^effectiveDate: /),
    })
    const badGroup = new FormData()
    badGroup.append('file', pdf())
    badGroup.append('groups', 'HR Team')
    expect(await parseUploadForm(badGroup)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/groups\.0: group names/),
    })
    const titled = new FormData()
    titled.append('file', pdf('a.pdf'))
    titled.append('file', pdf('b.pdf'))
    titled.append('title', 'One title')
    expect(await parseUploadForm(titled)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/title applies to one file/),
    })
    const replace = new FormData()
    replace.append('file', pdf('a.pdf'))
    replace.append('file', pdf('b.pdf'))
    replace.append('documentId', '6f1c1a52-2f5a-4a53-9f0b-6c5a9f7f0c11')
    expect(await parseUploadForm(replace)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/exactly one file/),
    })
  })
})

describe('upload items (browser)', () => {
  it('defaults the title and groups and refuses bad files up front', () => {
    const item = createUploadItem(pdf('travel-policy.pdf'), { maxBytes: 1024, defaultGroups: ['everyone'] })
    expect(item).toMatchObject({
      title: 'Travel Policy',
      groups: ['everyone'],
      refusal: null,
      phase: 'pending',
    })
    const big = createUploadItem(new File([new Uint8Array(2048)], 'big.pdf'), {
      maxBytes: 1024,
      defaultGroups: [],
    })
    expect(big.refusal).toBe('The file is 2 KB; the limit is 1 KB')
  })

  it('validates fields with the server schema', () => {
    const base = { title: 'T', tags: '', groups: ['everyone'], effectiveDate: '' }
    expect(validateUploadItem(base, { requireGroups: true })).toEqual({})
    expect(validateUploadItem({ ...base, title: '  ', groups: [] }, { requireGroups: true })).toEqual({
      title: 'Give the document a title',
      groups: 'Choose at least one group',
    })
    expect(validateUploadItem({ ...base, groups: [] }, { requireGroups: false })).toEqual({})
    expect(validateUploadItem({ ...base, tags: 'x'.repeat(41) }, { requireGroups: true }).tags).toMatch(
      /40 characters/,
    )
  })

  it('builds the multipart body the endpoint parses back', async () => {
    const item = {
      file: pdf('x.pdf'),
      title: ' Title ',
      tags: 'a, b,,a',
      groups: ['hr'],
      effectiveDate: '2026-01-31',
    }
    expect(splitTags(item.tags)).toEqual(['a', 'b'])
    const parsed = await parseUploadForm(buildUploadForm(item, { sendGroups: true }))
    expect(parsed).toMatchObject({
      ok: true,
      fields: { title: 'Title', tags: ['a', 'b'], groups: ['hr'], effectiveDate: '2026-01-31' },
    })
    const replace = await parseUploadForm(
      buildUploadForm(item, { sendGroups: false, documentId: '6f1c1a52-2f5a-4a53-9f0b-6c5a9f7f0c11' }),
    )
    expect(replace.ok && replace.fields.groups).toBeUndefined()
    expect(replace.ok && replace.fields.documentId).toBe('6f1c1a52-2f5a-4a53-9f0b-6c5a9f7f0c11')
  })
})
