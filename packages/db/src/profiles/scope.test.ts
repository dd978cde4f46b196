import { describe, expect, it } from 'vitest'
import { applicabilityOfProfile } from './scope'

describe('applicabilityOfProfile', () => {
  it('scopes to where the asker works and their contract, not their team', () => {
    expect(
      applicabilityOfProfile({
        country: 'PT',
        location: ' Lisbon ',
        employmentType: 'full-time',
        department: 'Customer Success',
        level: 'L3',
        startDate: '2024-03-04',
      }),
    ).toEqual({ countries: ['PT'], locations: ['Lisbon'], employmentTypes: ['full-time'] })
  })

  it('leaves unknown dimensions open: no profile is everyone', () => {
    expect(applicabilityOfProfile({ country: 'DE', location: '  ' })).toEqual({ countries: ['DE'] })
    expect(applicabilityOfProfile({})).toEqual({})
    expect(applicabilityOfProfile(null)).toEqual({})
  })
})
