import { describe, expect, it } from 'vitest'
import { createPiiScrubber, looksLikePhone } from './pii'

describe('PII scrubbing', () => {
  it('replaces e-mail addresses and counts them', () => {
    const pii = createPiiScrubber()
    expect(pii.scrub('Write to ethics@northwind-analytics.example or a.b+c@mail.co.uk today.')).toBe(
      'Write to [EMAIL] or [EMAIL] today.',
    )
    expect(pii.counts).toEqual({ email: 2, phone: 0, name: 0, custom: 0 })
  })

  it('replaces phone numbers in common formats but not dates, amounts or plain numbers', () => {
    const pii = createPiiScrubber()
    const phones = [
      '+351 21 123 4567',
      '(512) 555-0100',
      '+1-512-555-0100',
      '030 1234 5678',
      '+49 30 12345678',
    ]
    for (const phone of phones) expect(pii.scrub(`Call ${phone} now`), phone).toBe('Call [PHONE] now')
    const keep = [
      'Effective 2026-01-01.',
      'Salaries range from 60 000 to 71 000 EUR.',
      'The budget is 1.000.000 EUR.',
      'Reference 123456789.',
      'Within 14 days, 5 EUR a day.',
      'ISO 27001 applies.',
    ]
    for (const text of keep) expect(pii.scrub(text), text).toBe(text)
    expect(pii.counts.phone).toBe(phones.length)
    expect(looksLikePhone('2026-11-26')).toBe(false)
  })

  it('replaces full names case-insensitively across whitespace, single names only when capitalised', () => {
    const pii = createPiiScrubber({ names: ['Ana Analyst', 'Harper  HR', 'Mark', 'Al'] })
    expect(pii.scrub('Ask ana analyst or Harper\nHR. Mark will mark it. Al is too short.')).toBe(
      'Ask [NAME] or [NAME]. [NAME] will mark it. Al is too short.',
    )
    expect(pii.counts.name).toBe(3)
    // Names inside words are left alone.
    expect(createPiiScrubber({ names: ['Mark'] }).scrub('Markdown and Marks')).toBe('Markdown and Marks')
  })

  it('applies configurable patterns and counts them as custom', () => {
    const pii = createPiiScrubber({ patterns: ['EMP-\\d{6}', 'badge #\\d+'] })
    expect(pii.scrub('Employee EMP-123456 lost badge #42; EMP-12 is not an id.')).toBe(
      'Employee [REDACTED] lost [REDACTED]; EMP-12 is not an id.',
    )
    expect(pii.counts.custom).toBe(2)
  })

  it('scrubs an e-mail before the name inside it', () => {
    const pii = createPiiScrubber({ names: ['Ana Analyst'] })
    expect(pii.scrub('ana.analyst@example.com (Ana Analyst)')).toBe('[EMAIL] ([NAME])')
    expect(pii.counts).toMatchObject({ email: 1, name: 1 })
  })
})
