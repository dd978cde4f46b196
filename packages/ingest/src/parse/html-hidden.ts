import type { DominoDocument, DominoElement } from '@mixmark-io/domino'

/**
 * Text a reader of the page never sees must not reach the index: a planted instruction hidden with
 * `display:none` would otherwise be quoted to employees as if it were policy. Removed here, before the
 * boilerplate pass (which deletes <style>):
 * - the `hidden` attribute and `aria-hidden="true"`;
 * - inline styles: display:none, visibility:hidden|collapse, opacity ≤ 0.05, a font size under 1px/1pt
 *   (0.1em, 10%), color:transparent, transform:scale(0), zero height/width with overflow:hidden, and
 *   positioning far off screen (left/top/text-indent/margin-left ≤ -1000px);
 * - the same declarations in the page's own <style> rules when the selector is simple (tags, .classes,
 *   #ids, attribute selectors and descendant/child combinators; no pseudo-classes), outside @media and
 *   other at-rules (print-only or responsive hiding is not hiding).
 * Not covered: external stylesheets, scripts that hide text, text coloured like its background.
 */

/** Parses `a: b; c: d` into lower-cased properties (the last declaration of a property wins). */
function declarations(style: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const part of style.replace(/\/\*[\s\S]*?\*\//g, '').split(';')) {
    const colon = part.indexOf(':')
    if (colon === -1) continue
    const value = part
      .slice(colon + 1)
      .replace(/!important/i, '')
      .trim()
      .toLowerCase()
    map.set(part.slice(0, colon).trim().toLowerCase(), value)
  }
  return map
}

const number = (value: string | undefined) => {
  const match = /^(-?[\d.]+)\s*([a-z%]*)/.exec(value ?? '')
  return match ? { value: Number(match[1]), unit: match[2] ?? '' } : undefined
}

/** Too small to read: 0, under 1px/1pt, under 0.1em, under 10%. */
function tinyFontSize(value: string | undefined): boolean {
  const size = number(value)
  if (!size || Number.isNaN(size.value)) return false
  if (size.value <= 0) return true
  if (size.unit === 'px' || size.unit === 'pt') return size.value < 1
  if (size.unit === 'em' || size.unit === 'rem') return size.value < 0.1
  if (size.unit === '%') return size.value < 10
  return false
}

/** Far off screen: a negative offset of at least 1000px. */
function offScreen(value: string | undefined): boolean {
  const offset = number(value)
  return offset !== undefined && offset.unit === 'px' && offset.value <= -1000
}

function hides(style: string): boolean {
  const d = declarations(style)
  const opacity = number(d.get('opacity'))
  const collapsed = ['height', 'max-height', 'width', 'max-width'].some((p) => number(d.get(p))?.value === 0)
  return (
    d.get('display') === 'none' ||
    /^(?:hidden|collapse)$/.test(d.get('visibility') ?? '') ||
    (opacity !== undefined && opacity.value <= 0.05) ||
    tinyFontSize(d.get('font-size')) ||
    ['left', 'top', 'text-indent', 'margin-left'].some((p) => offScreen(d.get(p))) ||
    (collapsed && d.get('overflow') === 'hidden') ||
    /^scale\(\s*0(?:\.0+)?\s*\)$/.test(d.get('transform') ?? '') ||
    d.get('color') === 'transparent'
  )
}

/** For raw HTML outside a DOM (inside Markdown): does this attribute string hide its element? */
export function hidesElement(attributes: string): boolean {
  const bare = attributes.replace(/=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+)/g, '=')
  if (/(?:^|\s)hidden(?:\s|=|$)/i.test(bare)) return true
  if (/\baria-hidden\s*=\s*["']?true\b/i.test(attributes)) return true
  const style = /\bstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attributes)
  return style ? hides(style[1] ?? style[2] ?? '') : false
}

const SIMPLE_SELECTOR = /^[\w\s.#>*[\]="'-]+$/

/** Top-level rules of every <style> element whose declarations hide their elements. */
function hidingSelectors(document: DominoDocument): string[] {
  const selectors: string[] = []
  for (const style of Array.from(document.querySelectorAll('style'))) {
    const css = (style.textContent ?? '').replace(/\/\*[\s\S]*?\*\//g, '')
    for (const rule of topLevelRules(css)) {
      if (!hides(rule.body)) continue
      for (const selector of rule.selector.split(',')) {
        const trimmed = selector.trim()
        if (trimmed && SIMPLE_SELECTOR.test(trimmed)) selectors.push(trimmed)
      }
    }
  }
  return selectors
}

/** `selector { body }` pairs at nesting depth 0; at-rule blocks (@media, @supports…) are skipped whole. */
function topLevelRules(css: string): { selector: string; body: string }[] {
  const rules: { selector: string; body: string }[] = []
  let depth = 0
  let prelude = ''
  let body = ''
  let skipping = false
  for (const char of css) {
    if (char === '{') {
      if (depth === 0) skipping = prelude.trim().startsWith('@')
      else body += char
      depth++
    } else if (char === '}') {
      depth = Math.max(0, depth - 1)
      if (depth === 0) {
        if (!skipping) rules.push({ selector: prelude.trim(), body })
        prelude = ''
        body = ''
        skipping = false
      } else body += char
    } else if (depth === 0) {
      // A statement at-rule (`@import …;`) ends at its semicolon.
      if (char === ';' && prelude.trim().startsWith('@')) prelude = ''
      else prelude += char
    } else body += char
  }
  return rules
}

/**
 * Removes every element hidden from readers and returns how many of them carried text (decorative icons
 * with aria-hidden are removed too but not counted).
 */
export function removeHiddenElements(document: DominoDocument): number {
  const hidden = new Set<DominoElement>()
  for (const element of Array.from(document.querySelectorAll('[hidden], [aria-hidden], [style]'))) {
    const style = element.getAttribute('style')
    if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden')?.toLowerCase() === 'true')
      hidden.add(element)
    else if (style && hides(style)) hidden.add(element)
  }
  for (const selector of hidingSelectors(document)) {
    let matches: DominoElement[]
    try {
      matches = Array.from(document.querySelectorAll(selector))
    } catch {
      continue // A selector domino cannot parse is not "simple to resolve".
    }
    for (const element of matches) hidden.add(element)
  }
  let counted = 0
  for (const element of hidden) {
    // A hidden element inside another hidden one goes with its ancestor and is counted once.
    if (hasHiddenAncestor(element, hidden)) continue
    if ((element.textContent ?? '').trim()) counted++
    element.remove()
  }
  return counted
}

function hasHiddenAncestor(element: DominoElement, hidden: Set<DominoElement>): boolean {
  for (let node = element.parentNode; node; node = node.parentNode) {
    if (hidden.has(node as DominoElement)) return true
  }
  return false
}
