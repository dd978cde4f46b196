import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/** WCAG 2.1 A and AA: what the issue asks to hold. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const BLOCKING = new Set(['serious', 'critical'])

export type AxeSummary = { page: string; theme: string; blocking: string[]; counts: Record<string, number> }

/** Runs axe on the page as it is now; returns the serious and critical violations, one line each. */
export async function scanPage(page: Page, name: string, theme: string): Promise<AxeSummary> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  const counts: Record<string, number> = {}
  for (const v of results.violations) counts[v.impact ?? 'unknown'] = (counts[v.impact ?? 'unknown'] ?? 0) + 1
  const blocking = results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map(
      (v) =>
        `${name} (${theme}): ${v.id} [${v.impact}] ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    )
  return { page: name, theme, blocking, counts }
}

/** The per-page results, for docs/ux.md: test-results/a11y/axe-summary.json. */
export function writeAxeSummary(summaries: AxeSummary[]): void {
  const dir = path.resolve(import.meta.dirname, '../../test-results/a11y')
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'axe-summary.json'), `${JSON.stringify(summaries, null, 2)}\n`)
}
