import { describe, expect, it } from 'vitest'
import {
  checkDetectedFamily,
  checkFileFacts,
  familyOfFileName,
  familyOfMime,
  titleFromFileName,
} from '@/lib/shared/admin/upload-rules'
import { formatBytes } from '@/lib/shared/format'

const MB = 1024 * 1024

describe('checkFileFacts (browser and server)', () => {
  it('accepts the supported formats, with or without a declared type', () => {
    expect(checkFileFacts({ name: 'Policy.PDF', size: 10, type: 'application/pdf' }, MB)).toBeNull()
    expect(checkFileFacts({ name: 'notes.md', size: 10, type: '' }, MB)).toBeNull()
    expect(checkFileFacts({ name: 'page.htm', size: 10, type: 'text/html; charset=utf-8' }, MB)).toBeNull()
    expect(checkFileFacts({ name: 'x.docx', size: 10, type: 'application/octet-stream' }, MB)).toBeNull()
  })

  it('refuses other extensions, empty and oversized files, with the reason', () => {
    expect(checkFileFacts({ name: 'photo.png', size: 10, type: 'image/png' }, MB)).toMatch(
      /\.png files are not supported/,
    )
    expect(checkFileFacts({ name: 'README', size: 10, type: '' }, MB)).toMatch(/without an extension/)
    expect(checkFileFacts({ name: 'a.pdf', size: 0, type: '' }, MB)).toBe('The file is empty')
    expect(checkFileFacts({ name: 'a.pdf', size: 60 * MB, type: '' }, 50 * MB)).toBe(
      'The file is 60 MB; the limit is 50 MB',
    )
  })

  it('refuses a declared type that contradicts the extension', () => {
    expect(checkFileFacts({ name: 'scan.pdf', size: 10, type: 'image/jpeg' }, MB)).toBe(
      'The file is named .pdf but its type is image/jpeg',
    )
  })
})

describe('checkDetectedFamily (server, after detection from the bytes)', () => {
  it('passes when the content is what the name promised', () => {
    expect(checkDetectedFamily('a.pdf', 'application/pdf')).toBeNull()
    expect(checkDetectedFamily('a.txt', 'text/markdown')).toBeNull()
    expect(checkDetectedFamily('a.html', 'text/plain')).toBeNull()
  })

  it('refuses a PDF name on text content and the other way round', () => {
    expect(checkDetectedFamily('a.pdf', 'text/plain')).toBe('The file is named .pdf but its content is text')
    expect(checkDetectedFamily('a.md', 'application/pdf')).toBe(
      'The file is named .md but its content is a PDF',
    )
  })
})

describe('helpers', () => {
  it('maps names and types to families', () => {
    expect(familyOfFileName('dir/a.MARKDOWN')).toBe('text')
    expect(familyOfFileName('a.doc')).toBeNull()
    expect(familyOfMime('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(
      'docx',
    )
    expect(familyOfMime('image/png')).toBeNull()
  })

  it('formats sizes and titles', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(50 * MB)).toBe('50 MB')
    expect(titleFromFileName('expenses-and-travel.pdf')).toBe('Expenses And Travel')
    expect(titleFromFileName('C:\\docs\\HR_policy v2.docx')).toBe('HR Policy V2')
    expect(titleFromFileName('Überstunden-Regelung.md')).toBe('Uberstunden Regelung')
    expect(titleFromFileName('---.txt')).toBe('Document')
  })
})
