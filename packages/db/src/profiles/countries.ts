import type { Applicability } from '../schema/profiles'

/**
 * English short names of the countries a policy is likely to be written for. Not the whole ISO list on
 * purpose: an unknown code is shown as the code itself ("For employees in BR"), which is still correct.
 */
export const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  AT: 'Austria',
  AU: 'Australia',
  BE: 'Belgium',
  BR: 'Brazil',
  CA: 'Canada',
  CH: 'Switzerland',
  CZ: 'Czechia',
  DE: 'Germany',
  DK: 'Denmark',
  ES: 'Spain',
  FI: 'Finland',
  FR: 'France',
  GB: 'the United Kingdom',
  IE: 'Ireland',
  IN: 'India',
  IT: 'Italy',
  JP: 'Japan',
  MX: 'Mexico',
  NL: 'the Netherlands',
  NO: 'Norway',
  PL: 'Poland',
  PT: 'Portugal',
  SE: 'Sweden',
  SG: 'Singapore',
  US: 'the United States',
}

export const countryName = (code: string): string => COUNTRY_NAMES[code.toUpperCase()] ?? code.toUpperCase()

/** "Portugal", "Portugal and Germany", "Portugal, Germany and Spain". */
function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/**
 * Who a restricted passage is for, in words: "employees in Portugal", "full-time employees in Berlin",
 * "employees in Engineering". Null when the applicability restricts nothing.
 */
export function describeApplicability(applicability: Applicability | null | undefined): string | null {
  if (!applicability) return null
  const types = applicability.employmentTypes ?? []
  const places = [...(applicability.locations ?? []), ...(applicability.countries ?? []).map(countryName)]
  const departments = applicability.departments ?? []
  if (types.length === 0 && places.length === 0 && departments.length === 0) return null
  const who = `${types.length > 0 ? `${joinNames(types)} ` : ''}employees`
  const where = places.length > 0 ? ` in ${joinNames(places)}` : ''
  const dept = departments.length > 0 ? ` ${places.length > 0 ? 'of' : 'in'} ${joinNames(departments)}` : ''
  return `${who}${where}${dept}`
}

/** Short badge text: "Portugal", "Portugal · full-time". */
export function applicabilityLabel(applicability: Applicability | null | undefined): string | null {
  if (!applicability) return null
  const parts = [
    ...(applicability.countries ?? []).map((c) => countryName(c).replace(/^the /, '')),
    ...(applicability.locations ?? []),
    ...(applicability.employmentTypes ?? []),
    ...(applicability.departments ?? []),
  ]
  return parts.length > 0 ? parts.join(' · ') : null
}
