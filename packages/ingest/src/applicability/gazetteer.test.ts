import { describe, expect, it } from 'vitest'
import { countriesInHeading, sectionApplicability, suggestApplicability } from './gazetteer'

describe('country gazetteer', () => {
  it('headings name countries by name, demonym or upper-case abbreviation', () => {
    expect(countriesInHeading('3. Portugal')).toEqual(['PT'])
    expect(countriesInHeading('German public holidays')).toEqual(['DE'])
    expect(countriesInHeading('US employees')).toEqual(['US'])
    expect(countriesInHeading('Employees in the U.S.')).toEqual(['US'])
    expect(countriesInHeading('Portugal and Germany')).toEqual(['PT', 'DE'])
  })

  it('never reads the pronoun "us" or words containing a name as a country', () => {
    expect(countriesInHeading('Contact us')).toEqual([])
    expect(countriesInHeading('Tell us about your status')).toEqual([])
    expect(countriesInHeading('USB devices')).toEqual([])
    expect(countriesInHeading('Annual leave')).toEqual([])
  })

  it('suggests from the title first', () => {
    expect(suggestApplicability({ title: 'Annual Leave — Portugal', text: 'Germany is mentioned.' })).toEqual(
      {
        countries: ['PT'],
      },
    )
  })

  it('suggests from scoping phrases in the first part of the text, not from any mention', () => {
    expect(
      suggestApplicability({ title: 'Sick pay', text: 'This policy applies to employees in Germany.' }),
    ).toEqual({ countries: ['DE'] })
    expect(
      suggestApplicability({ title: 'Sick pay', text: 'This policy covers US employees of Northwind.' }),
    ).toEqual({ countries: ['US'] })
    expect(
      suggestApplicability({
        title: 'Leave',
        text: '| Lisbon, Portugal | 25 days |\n| Berlin, Germany | 28 days |',
      }),
    ).toBeNull()
    expect(
      suggestApplicability({ title: 'Leave', text: `${'x '.repeat(1000)} employees in Portugal` }),
    ).toBeNull()
  })

  it('a section is restricted by the deepest heading below the title that names a country', () => {
    expect(sectionApplicability(['Sick Leave', '2. Sick pay', 'Portugal'])).toEqual({ countries: ['PT'] })
    expect(sectionApplicability(['Sick Leave', 'US employees', 'Claims'])).toEqual({ countries: ['US'] })
    expect(sectionApplicability(['Annual Leave — Portugal', 'Entitlement'])).toBeNull()
    expect(sectionApplicability(['Sick Leave'])).toBeNull()
  })
})
