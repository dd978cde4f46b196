import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { darkPaletteCss, darkVariables } from '@/lib/shared/theme/dark-palette'

const require = createRequire(import.meta.url)
const theme = readFileSync(require.resolve('tailwindcss/theme.css'), 'utf8')
const variables = new Map(darkVariables(theme))
const light = (name: string) => new RegExp(`${name}:\\s*([^;]+);`).exec(theme)?.[1]?.trim()

describe('the dark palette', () => {
  it('is the committed stylesheet (regenerate with scripts/generate-dark-palette.ts)', () => {
    const committed = readFileSync(path.resolve(import.meta.dirname, '../../../app/dark-palette.css'), 'utf8')
    expect(committed).toBe(darkPaletteCss(theme))
  })

  it('turns greys over: page background near black, body text near white, cards slate 900', () => {
    expect(variables.get('--color-slate-50')).toBe(light('--color-slate-950'))
    expect(variables.get('--color-slate-900')).toBe(light('--color-slate-50'))
    expect(variables.get('--color-white')).toBe(light('--color-slate-900'))
    // Muted text moves one step lighter, so it stays readable on a slate-900 card.
    expect(variables.get('--color-slate-500')).toBe(light('--color-slate-400'))
  })

  it('swaps the tints and darks of colours and keeps the middle for buttons', () => {
    expect(variables.get('--color-red-50')).toBe(light('--color-red-950'))
    expect(variables.get('--color-indigo-700')).toBe(light('--color-indigo-300'))
    expect(variables.get('--color-indigo-600')).toBe(light('--color-indigo-600'))
  })

  it('covers every palette of the theme, so a page using a new colour is dark too', () => {
    const palettes = new Set([...theme.matchAll(/--color-([a-z]+)-\d+:/g)].map((m) => m[1]))
    for (const name of palettes) expect(variables.has(`--color-${name}-500`), name).toBe(true)
    expect(palettes.size).toBeGreaterThan(20)
  })
})
