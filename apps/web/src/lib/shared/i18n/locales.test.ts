import { describe, expect, it } from 'vitest'
import { negotiateLocale } from '@/lib/shared/i18n/locales'

describe('negotiateLocale', () => {
  it('takes the cookie when it names a supported language', () => {
    expect(negotiateLocale('de', 'en-US,en;q=0.9')).toBe('de')
  })

  it('ignores an unsupported cookie and follows Accept-Language by quality, region dropped', () => {
    expect(negotiateLocale('fr', 'fr-FR,de-CH;q=0.8,en;q=0.5')).toBe('de')
    expect(negotiateLocale(undefined, 'en;q=0.4, de;q=0.9')).toBe('de')
  })

  it('falls back to English without a match, and skips languages refused with q=0', () => {
    expect(negotiateLocale(undefined, 'pt-PT,es')).toBe('en')
    expect(negotiateLocale(undefined, 'de;q=0, en')).toBe('en')
    expect(negotiateLocale(undefined, null)).toBe('en')
  })
})
