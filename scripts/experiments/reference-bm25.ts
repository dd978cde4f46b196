// The README's reference: plain BM25 (k1 1.2, b 0.75, stop words removed) over the pages' paragraphs (blank-line split),
// whole corpus, ranked paragraphs cut at a token budget (tokens ≈ words × 1.3).
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { coversAny } from '../../packages/inference/src/eval/metrics'
import { loadQuestions } from './sim-corpus'

const STOP = new Set(
  'a an and are as at be been but by can could do does did for from had has have how i if in into is it its may me might must my no not of on or our shall should so than that the their them then there these they this those to was we were what when where which who whom why will with would you your yours about also any am get got per via'.split(
    ' ',
  ),
)
const toks = (s: string) => (s.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => !STOP.has(w))
const DEV = path.resolve(import.meta.dirname, '../../../shared/eval/sharc-rules-dev')
for (const [dir, qf] of [[path.join(DEV, 'corpus'), path.join(DEV, 'questions.jsonl')]] as const) {
  const paras: string[] = []
  for (const f of readdirSync(dir))
    for (const p of readFileSync(`${dir}/${f}`, 'utf8').split(/\n\s*\n/))
      if (p.trim() && !p.startsWith('# http')) paras.push(p.trim())
  const tf = paras.map((p) => {
    const m = new Map<string, number>()
    for (const t of toks(p)) m.set(t, (m.get(t) ?? 0) + 1)
    return m
  })
  const len = tf.map((m) => [...m.values()].reduce((a, c) => a + c, 0))
  const avg = len.reduce((a, c) => a + c) / paras.length
  const df = new Map<string, number>()
  for (const m of tf) for (const t of m.keys()) df.set(t, (df.get(t) ?? 0) + 1)
  const N = paras.length
  const idf = (t: string) => Math.log(1 + (N - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5))
  const qs = loadQuestions(qf).filter((q) => q.answerable)
  const hits = [0, 0, 0]
  for (const q of qs) {
    const qt = [...new Set(toks(q.question))]
    const ranked = paras
      .map((p, i) => {
        let s = 0
        for (const t of qt) {
          const f = tf[i]?.get(t) ?? 0
          if (f) s += (idf(t) * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * (len[i] ?? 0)) / avg))
        }
        return { p, s }
      })
      .filter((x) => x.s > 0)
      .sort((a, b) => b.s - a.s)
    ;[256, 512, 1024].forEach((B, bi) => {
      const words: string[] = []
      for (const r of ranked) {
        for (const w of r.p.split(/\s+/)) {
          if ((words.length + 1) * 1.3 > B) break
          words.push(w)
        }
        if ((words.length + 1) * 1.3 > B) break
      }
      if (coversAny(words.join(' '), q.evidence)) hits[bi] = (hits[bi] ?? 0) + 1
    })
  }
  console.log('reference BM25 paragraphs', N, hits.map((h) => (h / qs.length).toFixed(3)).join(' '))
}
