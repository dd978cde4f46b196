/**
 * One rule for "text coloured like its background" (PDF fills, DOCX run colours): a WCAG contrast ratio
 * under 1.2 is unreadable. White on white is 1.0, #EEEEEE on white 1.16; the palest greys used for
 * watermarks and footers (#CCCCCC, 1.6) stay readable and are kept.
 */

export type Rgb = readonly [number, number, number]

export const WHITE: Rgb = [255, 255, 255]
export const UNREADABLE_CONTRAST = 1.2

/** "#A1B2C3", "a1b2c3" or "#abc" → [r, g, b]; anything else (e.g. Word's "auto") → undefined. */
export function parseHexColour(value: string | undefined | null): Rgb | undefined {
  const hex = value?.trim().replace(/^#/, '') ?? ''
  const full = /^[0-9a-f]{3}$/i.test(hex) ? hex.replace(/./g, (c) => c + c) : hex
  if (!/^[0-9a-f]{6}$/i.test(full)) return undefined
  const channel = (i: number) => Number.parseInt(full.slice(i, i + 2), 16)
  return [channel(0), channel(2), channel(4)]
}

function luminance([r, g, b]: Rgb): number {
  const channel = (value: number) => {
    const c = value / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05)
}

export function isUnreadable(text: Rgb, background: Rgb): boolean {
  return contrastRatio(text, background) < UNREADABLE_CONTRAST
}
