import { describe, expect, it } from 'vitest'
import { attributesFromClaims, parseClaimMapping } from './claims'
import { describeApplicability } from './countries'
import { parseAttributesCsv } from './csv'
import {
  applicabilitySchema,
  applyAttributesPatch,
  describeIssues,
  normaliseApplicability,
  parseAppliesTo,
  userAttributesPatchSchema,
} from './validation'

describe('asker attributes from outside', () => {
  it('upper-cases countries, trims strings, accepts real dates', () => {
    const parsed = userAttributesPatchSchema.parse({
      country: ' pt ',
      location: ' Lisbon ',
      startDate: '2024-02-29',
    })
    expect(parsed).toEqual({ country: 'PT', location: 'Lisbon', startDate: '2024-02-29' })
  })

  it('null or "" clears a field, absent keeps it', () => {
    const patch = userAttributesPatchSchema.parse({ location: '', level: null })
    expect(applyAttributesPatch({ country: 'PT', location: 'Lisbon', level: 'L3' }, patch)).toEqual({
      country: 'PT',
    })
  })

  it.each([
    [{ country: 'Portugal' }, 'country: must be an ISO 3166-1 alpha-2 country code'],
    [{ startDate: '2025-02-30' }, 'startDate: is not a real calendar date'],
    [{ startDate: '02/03/2025' }, 'startDate: must be a date written YYYY-MM-DD'],
    [{ location: 'x'.repeat(81) }, 'location: must be at most 80 characters'],
    [{ shoeSize: '44' }, 'unknown field shoeSize'],
  ])('%j is refused with a clear message', (input, message) => {
    const parsed = userAttributesPatchSchema.safeParse(input)
    expect(parsed.success).toBe(false)
    if (!parsed.success) expect(describeIssues(parsed.error)).toContain(message)
  })
})

describe('applicability', () => {
  it('dedupes and normalises lists; empty lists restrict nothing', () => {
    const parsed = applicabilitySchema.parse({ countries: ['pt', 'PT', 'de'], departments: [] })
    expect(normaliseApplicability(parsed)).toEqual({ countries: ['PT', 'DE'] })
  })

  it('parses --applies-to pairs by attribute or dimension name', () => {
    expect(parseAppliesTo(['country=PT', 'employmentType=full-time', 'countries=de,pt'])).toEqual({
      ok: true,
      applicability: { countries: ['PT', 'DE'], employmentTypes: ['full-time'] },
    })
    expect(parseAppliesTo(['planet=Mars'])).toMatchObject({ ok: false })
    expect(parseAppliesTo(['country=Portugal'])).toMatchObject({ ok: false })
  })

  it('describes whom a rule is for', () => {
    expect(describeApplicability({ countries: ['PT'] })).toBe('employees in Portugal')
    expect(describeApplicability({ countries: ['US'], employmentTypes: ['full-time'] })).toBe(
      'full-time employees in the United States',
    )
    expect(describeApplicability({})).toBeNull()
  })
})

describe('OIDC claims', () => {
  it('maps claims to attributes; invalid claims are skipped and reported', () => {
    const mapping = parseClaimMapping('country=country, location=office,startDate=start_date')
    const { attributes, invalid } = attributesFromClaims(
      { country: 'de', office: 'Berlin', start_date: 'yesterday' },
      mapping,
    )
    expect(attributes).toEqual({ country: 'DE', location: 'Berlin' })
    expect(invalid).toEqual([expect.objectContaining({ attribute: 'startDate', claim: 'start_date' })])
  })

  it('an unknown attribute in the mapping is a configuration error', () => {
    expect(() => parseClaimMapping('planet=planet')).toThrow(/OIDC_ATTRIBUTE_CLAIMS/)
  })
})

describe('attributes CSV', () => {
  it('parses rows, quoted fields and empty cells (which clear)', () => {
    const parsed = parseAttributesCsv(
      'email,country,location,startDate\nEmma@Example.com,pt,"Lisbon, HQ",2024-03-04\nben@example.com,de,,\n',
    )
    expect(parsed).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          email: 'emma@example.com',
          patch: { country: 'PT', location: 'Lisbon, HQ', startDate: '2024-03-04' },
        },
        { line: 3, email: 'ben@example.com', patch: { country: 'DE', location: null, startDate: null } },
      ],
    })
  })

  it('reports every bad row with its line', () => {
    const parsed = parseAttributesCsv(
      'email,country\nnot-an-email,PT\nok@example.com,Portugal\nok@example.com\n',
    )
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.errors.map((e) => e.line)).toEqual([2, 3, 4])
  })

  it('refuses an unknown column in the header', () => {
    expect(parseAttributesCsv('email,shoeSize\na@example.com,44\n')).toMatchObject({
      ok: false,
      errors: [{ line: 1, error: expect.stringContaining('unknown column shoeSize') }],
    })
  })
})
