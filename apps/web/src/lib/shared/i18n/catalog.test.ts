import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser'
import { describe, expect, it } from 'vitest'
import { CATALOGS } from '@/lib/shared/i18n/catalog'
import { LOCALES } from '@/lib/shared/i18n/locales'
import { en } from '@/lib/shared/i18n/messages/en'

type Tree = { [key: string]: string | Tree }

/** Every message of a catalog by its dotted key. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value)
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v)
  }
  return out
}

/** A message's ICU arguments (`{name}`, `{count, plural, …}`) and the cases of its selects, parsed. */
function argumentsOf(message: string): string[] {
  const found = new Set<string>()
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue
      found.add(element.value)
      if (element.type === TYPE.select || element.type === TYPE.plural) {
        for (const [key, option] of Object.entries(element.options)) {
          found.add(`${element.value}=${key}`)
          walk(option.value)
        }
      }
      if (element.type === TYPE.tag) walk(element.children)
    }
  }
  walk(parse(message))
  return [...found].sort()
}

const english = flatten(en)

describe('the UI catalogs', () => {
  it('English has every message the UI uses (a non-empty text each)', () => {
    expect(english.size).toBeGreaterThan(80)
    for (const [key, message] of english) expect(message.trim(), key).not.toBe('')
  })

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    const catalog = flatten(CATALOGS[locale])
    it(`${locale} translates every English message, with the same arguments`, () => {
      expect([...catalog.keys()].sort()).toEqual([...english.keys()].sort())
      for (const [key, message] of english) {
        expect(argumentsOf(catalog.get(key) ?? ''), `${locale}: ${key}`).toEqual(argumentsOf(message))
      }
    })

    it(`${locale} is a translation, not a copy of English`, () => {
      const same = [...english].filter(([key, message]) => catalog.get(key) === message && /\s/.test(message))
      // Messages with spaces that read the same in both languages are rare (placeholders like "{email} · {role}").
      expect(same.length / english.size).toBeLessThan(0.05)
    })
  }
})
