/**
 * Retrieval simulator: the real parser and chunker, BM25 re-implemented in memory, and the variants tried
 * for issue 11 that did not make it into the product (pseudo-relevance feedback, abbreviation expansion)
 * next to the ones that did (unit size, heading terms, list-intro neighbours). docs/quality.md quotes its
 * numbers where a variant was measured here rather than through `policydesk eval`. Reads the development
 * set from ../shared (third-party text: never copied into the repository).
 *
 *   npx tsx scripts/experiments/retrieval-sim.ts                    # 160-token units, defaults
 *   MAXTOK=400 HW=0 PRF=3 ABBR=1 NB=1 SCOPE=doc npx tsx scripts/experiments/retrieval-sim.ts
 *   MODE=reference npx tsx scripts/experiments/retrieval-sim.ts     # the dev set README's plain BM25
 */
import path from 'node:path'
import { coversAny } from '../../packages/inference/src/eval/metrics'
import { contentTerms, countTokens } from '../../packages/text/src/index'
import { loadCorpus, loadQuestions } from './sim-corpus'

// Experiment knobs (MAXTOK, K1, B, HW, PRF…) come from the environment of a manual run, not app config.
const knob = (name: string): string | undefined => process.env[name]
const ROOT = path.resolve(import.meta.dirname, '../..')
const DEV = path.resolve(ROOT, '../shared/eval/sharc-rules-dev')
if (knob('MODE') === 'reference') await import('./reference-bm25')
else await simulate()

async function simulate() {
  const sets = {
    dev: { corpus: path.join(DEV, 'corpus'), questions: path.join(DEV, 'questions.jsonl') },
    samples: {
      corpus: path.join(ROOT, 'samples/policies'),
      questions: path.join(ROOT, 'samples/questions.jsonl'),
    },
  }
  const maxTokens = Number(knob('MAXTOK') ?? 400)
  const k1 = Number(knob('K1') ?? 1.2),
    b = Number(knob('B') ?? 0.75)
  const hw = Number(knob('HW') ?? 1)
  const docw = Number(knob('DOCW') ?? 0)
  for (const [name, s] of Object.entries(sets)) {
    const units = await loadCorpus(s.corpus, {
      maxTokens,
      overlapTokens: Math.round(maxTokens / 10),
      minTokens: Math.round(maxTokens * 0.15),
    })
    const qs = loadQuestions(s.questions).filter((q) => q.answerable)
    const scope = knob('SCOPE') === 'doc'
    // index
    const tf: Map<string, number>[] = []
    const df = new Map<string, number>()
    const len: number[] = []
    const docTf = new Map<string, Map<string, number>>()
    for (const u of units) {
      const m = new Map<string, number>()
      for (const t of contentTerms(u.text)) m.set(t, (m.get(t) ?? 0) + 1)
      for (const t of contentTerms([u.title, ...u.headingPath].join(' '))) m.set(t, (m.get(t) ?? 0) + hw)
      tf.push(m)
      len.push([...m.values()].reduce((a, c) => a + c, 0))
      for (const t of m.keys()) df.set(t, (df.get(t) ?? 0) + 1)
      const dm = docTf.get(u.doc) ?? new Map()
      for (const [t, c] of m) dm.set(t, (dm.get(t) ?? 0) + c)
      docTf.set(u.doc, dm)
    }
    const abbr = new Map<string, string[]>()
    if (knob('ABBR'))
      for (const u of units)
        for (const m of u.text.matchAll(
          /((?:[A-Z][\w'-]*\s+(?:(?:of|and|for|the|to)\s+)?){1,6})\(([A-Z]{2,6})s?\)/g,
        )) {
          const long = m[1]?.trim().split(/\s+/)
          const ab = m[2] ?? ''
          const initials = long
            .filter((w) => /^[A-Z]/.test(w))
            .map((w) => w[0])
            .join('')
          if (initials.endsWith(ab) || initials === ab) {
            const words = long.slice(-ab.length - 2)
            abbr.set(contentTerms(ab)[0] ?? ab.toLowerCase(), contentTerms(words.join(' ')).slice(-ab.length))
          }
        }
    if (knob('ABBR'))
      console.log(
        'abbr',
        abbr.size,
        [...abbr]
          .slice(0, 8)
          .map(([a, b]) => `${a}=${b.join(' ')}`)
          .join('; '),
      )
    const N = units.length,
      avg = len.reduce((a, c) => a + c, 0) / N
    const idf = (t: string) => Math.log(1 + (N - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5))
    // doc-level bm25
    const docs = [...docTf.keys()]
    const ddf = new Map<string, number>()
    const dlen = new Map<string, number>()
    for (const [d, m] of docTf) {
      dlen.set(
        d,
        [...m.values()].reduce((a, c) => a + c, 0),
      )
      for (const t of m.keys()) ddf.set(t, (ddf.get(t) ?? 0) + 1)
    }
    const davg = [...dlen.values()].reduce((a, c) => a + c, 0) / docs.length
    const didf = (t: string) =>
      Math.log(1 + (docs.length - (ddf.get(t) ?? 0) + 0.5) / ((ddf.get(t) ?? 0) + 0.5))
    const budgets = [256, 512, 1024]
    const hits = [0, 0, 0]
    let hit5 = 0
    for (const q of qs) {
      let qt = [...new Set(contentTerms(q.question))]
      if (knob('ABBR')) {
        const extra: string[] = []
        for (const t of qt) {
          const e = abbr.get(t)
          if (e) extra.push(...e)
        }
        qt = [...new Set([...qt, ...extra])]
      }
      const dscore = new Map<string, number>()
      for (const d of docs) {
        const m = docTf.get(d) ?? new Map<string, number>()
        let s = 0
        for (const t of qt) {
          const f = m.get(t) ?? 0
          if (f) s += (didf(t) * f * (k1 + 1)) / (f + k1 * (1 - b + (b * (dlen.get(d) ?? 0)) / davg))
        }
        dscore.set(d, s)
      }
      const dmax = Math.max(1e-9, ...dscore.values())
      const scored = units
        .map((u, i) => {
          let s = 0
          const m = tf[i] ?? new Map<string, number>()
          for (const t of qt) {
            const f = m.get(t) ?? 0
            if (f) s += (idf(t) * f * (k1 + 1)) / (f + k1 * (1 - b + (b * (len[i] ?? 0)) / avg))
          }
          return { u, s: s + docw * ((dscore.get(u.doc) ?? 0) / dmax) * s }
        })
        .filter((x) => x.s > 0 && (!scope || x.u.doc === q.doc_id))
        .sort((a, b2) => b2.s - a.s)
      let ranked = scored.map((x) => x.u)
      if (knob('PRF')) {
        const fb = Number(knob('PRF'))
        const w = new Map<string, number>()
        for (const x of scored.slice(0, fb)) {
          const m = tf[x.u.id] ?? new Map<string, number>()
          const tot = len[x.u.id] ?? 1
          for (const [t, c] of m) w.set(t, (w.get(t) ?? 0) + (c / tot) * idf(t))
        }
        const exp = [...w]
          .filter(([t]) => !qt.includes(t))
          .sort((a, b2) => b2[1] - a[1])
          .slice(0, Number(knob('PRFT') ?? 5))
        const alpha = Number(knob('PRFA') ?? 0.3)
        const rescored = units
          .map((u, i) => {
            let s2 = 0
            const m = tf[i] ?? new Map<string, number>()
            const add = (t: string, wt: number) => {
              const f = m.get(t) ?? 0
              if (f) s2 += (wt * idf(t) * f * (k1 + 1)) / (f + k1 * (1 - b + (b * (len[i] ?? 0)) / avg))
            }
            for (const t of qt) add(t, 1)
            for (const [t] of exp) add(t, alpha)
            return { u, s: s2 }
          })
          .filter((x) => x.s > 0 && (!scope || x.u.doc === q.doc_id))
          .sort((a, b2) => b2.s - a.s)
        ranked = rescored.map((x) => x.u)
      }
      if (ranked.slice(0, 5).some((u) => coversAny(u.text, q.evidence))) hit5++
      budgets.forEach((B, bi) => {
        let used = 0
        const kept: string[] = []
        let order = ranked
        if (knob('NB')) {
          const seen = new Set<number>()
          order = []
          const byKey = (d: string, o: number) => units.find((x) => x.doc === d && x.ordinal === o)
          for (const u of ranked) {
            if (seen.has(u.id)) continue
            seen.add(u.id)
            order.push(u)
            const nx = byKey(u.doc, u.ordinal + 1)
            const pv = byKey(u.doc, u.ordinal - 1)
            if (nx && !seen.has(nx.id) && /:\s*$/.test(u.text)) {
              seen.add(nx.id)
              order.push(nx)
            }
            if (pv && !seen.has(pv.id) && /^\s*[-*\d]/.test(u.text) && /:\s*$/.test(pv.text)) {
              seen.add(pv.id)
              order.push(pv)
            }
          }
        }
        for (const u of order) {
          if (used + u.tokens > B) {
            // partial
            const words = u.text.split(/\s+/)
            let p = ''
            for (const w of words) {
              const n = p ? `${p} ${w}` : w
              if (used + countTokens(n) > B) break
              p = n
            }
            if (p) kept.push(p)
            break
          }
          kept.push(u.text)
          used += u.tokens
        }
        if (coversAny(kept.join('\n'), q.evidence)) hits[bi] = (hits[bi] ?? 0) + 1
        else if (B === 256 && knob('SHOW'))
          console.log(
            'MISS',
            q.question,
            '|',
            q.evidence[0]?.slice(0, 80).replace(/\n/g, ' '),
            '| top:',
            ranked[0]?.doc,
            ranked[0]?.text.slice(0, 80).replace(/\n/g, ' '),
          )
      })
    }
    console.log(
      name,
      `units=${N} avgTok=${(units.reduce((a, u) => a + u.tokens, 0) / N).toFixed(0)}`,
      'hit5',
      (hit5 / qs.length).toFixed(3),
      budgets.map((B, i) => `@${B} ${((hits[i] ?? 0) / qs.length).toFixed(3)}`).join(' '),
    )
  }
}
