import { createTranslator } from 'use-intl/core'
import { describe, expect, it } from 'vitest'
import { messagesFor } from '@/lib/shared/i18n/catalog'
import type { Locale } from '@/lib/shared/i18n/locales'
import type { en } from '@/lib/shared/i18n/messages/en'

/** The translator server components get (lib/server/i18n/server.ts), without the cookie lookup. */
const translatorFor = (locale: Locale) =>
  createTranslator({ locale, messages: messagesFor(locale) as typeof en })

describe('admin and review strings come from the catalog', () => {
  it('English keeps the wording the end-to-end tests select by', () => {
    const t = translatorFor('en')
    expect(t('admin.nav.audit')).toBe('Audit log')
    expect(t('review.nav.datasets')).toBe('Datasets')
    expect(t('review.panel.queue.actions.approve')).toBe('Approve and next')
    expect(t('review.datasets.export.submit')).toBe('Export dataset')
  })

  it('German reads an admin and a review page in German, with formal address', () => {
    const t = translatorFor('de')
    expect(t('admin.audit.title')).toBe('Audit-Protokoll')
    expect(t('admin.system.queue.unreachable', { error: 'ECONNREFUSED' })).toBe(
      'Redis antwortet nicht (ECONNREFUSED). Uploads werden gespeichert und erneut eingereiht, sobald Redis wieder erreichbar ist.',
    )
    expect(t('review.queue.emptyText')).toBe('Jede Antwort, die Sie sehen dürfen, wurde geprüft.')
    expect(t('review.panel.verdict.approved')).toBe('Bestätigen')
  })

  it('counts choose the plural form in both languages; numbers stay as format.ts wrote them', () => {
    const en = translatorFor('en')
    const de = translatorFor('de')
    expect(en('review.datasets.card.jobs', { count: 1, n: '1' })).toBe('1 fine-tuning job')
    expect(en('review.datasets.card.jobs', { count: 1200, n: '1,200' })).toBe('1,200 fine-tuning jobs')
    expect(de('review.datasets.card.jobs', { count: 2, n: '2' })).toBe('2 Fine-Tuning-Aufträge')
    expect(en('review.filters.clear', { count: 1, n: '1' })).toBe('Clear the filter')
    expect(de('review.filters.clear', { count: 3, n: '3' })).toBe('3 Filter entfernen')
    expect(
      de('admin.pagination.showing', { first: '26', last: '50', total: '1,234', noun: 'Einträge' }),
    ).toBe('26–50 von 1,234 Einträge')
  })

  it('rich messages keep their markup and quoted literals', () => {
    const t = translatorFor('en')
    const text = t.markup('review.datasets.jobs.empty', { code: (chunks) => `«${chunks}»` })
    expect(text).toBe(
      'No fine-tuning jobs yet. Submit a dataset with «policydesk finetune submit --dataset <id>».',
    )
    expect(translatorFor('de').markup('review.curated.emptyText', { log: (chunks) => `[${chunks}]` })).toBe(
      'Korrigieren oder bestätigen Sie eine Antwort im [Antwortprotokoll] und übernehmen Sie sie.',
    )
  })
})
