import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { darkPaletteCss } from '../src/lib/shared/theme/dark-palette'

/** Regenerates src/app/dark-palette.css from the installed Tailwind theme (after a Tailwind upgrade). */
const require = createRequire(import.meta.url)
const theme = readFileSync(require.resolve('tailwindcss/theme.css'), 'utf8')
const target = path.resolve(import.meta.dirname, '../src/app/dark-palette.css')
writeFileSync(target, darkPaletteCss(theme))
console.log(`wrote ${path.relative(process.cwd(), target)}`)
