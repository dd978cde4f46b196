/**
 * Checks samples/questions.jsonl against the corpus and the manifest.
 *
 *   npx tsx scripts/check-questions.ts
 *
 * For every answerable question, each evidence string must occur (case-insensitive, whitespace
 * collapsed) in the reader-visible text of its document: samples/policies/<doc_id>.md or .html, or
 * for PDF/DOCX documents their source samples/sources/<doc_id>.<pdf|docx>.md.
 * Exits with code 1 if any problem is found.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SAMPLES = path.join(ROOT, 'samples')
const POLICIES = path.join(SAMPLES, 'policies')
const SOURCES = path.join(SAMPLES, 'sources')

const MIN = { total: 65, answerable: 45, unanswerable: 16, hr: 6 }
const EVIDENCE_LENGTH = { min: 20, max: 200 }

type Question = {
  id: string
  question: string
  answerable: boolean
  doc_id?: string
  evidence: string[]
  answer?: string
  requires_group?: string
}
type ManifestEntry = { file: string; title: string; groups: string[]; tags: string[]; effectiveDate: string }

const problems: string[] = []
const problem = (message: string) => problems.push(message)

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string')

function toQuestion(value: unknown, line: number): Question | undefined {
  if (!isRecord(value)) return void problem(`line ${line}: not a JSON object`)
  const { id, question, answerable, doc_id, evidence, answer, requires_group } = value
  if (typeof id !== 'string' || typeof question !== 'string' || typeof answerable !== 'boolean') {
    return void problem(`line ${line}: id, question (strings) and answerable (boolean) are required`)
  }
  if (!isStringArray(evidence)) return void problem(`${id}: evidence must be an array of strings`)
  if (doc_id !== undefined && typeof doc_id !== 'string')
    return void problem(`${id}: doc_id must be a string`)
  if (answer !== undefined && typeof answer !== 'string')
    return void problem(`${id}: answer must be a string`)
  if (requires_group !== undefined && typeof requires_group !== 'string') {
    return void problem(`${id}: requires_group must be a string`)
  }
  return { id, question, answerable, doc_id, evidence, answer, requires_group }
}

const normalize = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase()

function stripMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*#{1,6}\s+/, '')
        .replace(/^\s*[-*]\s+/, '')
        .replace(/^\s*\|?[\s:|-]+\|?\s*$/, '')
        .replace(/\|/g, ' '),
    )
    .join('\n')
    .replace(/\*\*/g, '')
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  copy: '\u00a9',
  middot: '\u00b7',
  ndash: '\u2013',
  mdash: '\u2014',
}

function htmlToText(html: string): string {
  return html
    .replace(/<(head|nav|footer|script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&([a-z]+);/gi, (entity: string, name: string) => ENTITIES[name.toLowerCase()] ?? entity)
}

function documentText(docId: string): string | undefined {
  const md = path.join(POLICIES, `${docId}.md`)
  if (existsSync(md)) return stripMarkdown(readFileSync(md, 'utf8'))
  const html = path.join(POLICIES, `${docId}.html`)
  if (existsSync(html)) return htmlToText(readFileSync(html, 'utf8'))
  const source = readdirSync(SOURCES).find((f) => f.startsWith(`${docId}.`) && f.endsWith('.md'))
  return source ? stripMarkdown(readFileSync(path.join(SOURCES, source), 'utf8')) : undefined
}

function loadManifest(): Map<string, ManifestEntry> {
  const raw: unknown = JSON.parse(readFileSync(path.join(SAMPLES, 'manifest.json'), 'utf8'))
  const entries = isRecord(raw) && Array.isArray(raw.documents) ? raw.documents : []
  const byId = new Map<string, ManifestEntry>()
  for (const entry of entries) {
    if (
      !isRecord(entry) ||
      typeof entry.file !== 'string' ||
      typeof entry.title !== 'string' ||
      !isStringArray(entry.groups) ||
      !isStringArray(entry.tags) ||
      typeof entry.effectiveDate !== 'string'
    ) {
      problem(`manifest: malformed entry ${JSON.stringify(entry)}`)
      continue
    }
    const { file, title, groups, tags, effectiveDate } = entry
    if (!existsSync(path.join(POLICIES, file)))
      problem(`manifest: ${file} does not exist in samples/policies`)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveDate)) problem(`manifest: ${file} has a bad effectiveDate`)
    byId.set(file.replace(/\.[^.]+$/, ''), { file, title, groups, tags, effectiveDate })
  }
  for (const file of readdirSync(POLICIES)) {
    if (!byId.has(file.replace(/\.[^.]+$/, ''))) problem(`manifest: no entry for samples/policies/${file}`)
  }
  return byId
}

function main() {
  const manifest = loadManifest()
  const lines = readFileSync(path.join(SAMPLES, 'questions.jsonl'), 'utf8').split('\n')
  const questions: Question[] = []
  lines.forEach((line, index) => {
    if (line.trim() === '') return
    try {
      const q = toQuestion(JSON.parse(line), index + 1)
      if (q) questions.push(q)
    } catch {
      problem(`line ${index + 1}: invalid JSON`)
    }
  })

  const seen = new Set<string>()
  const covered = new Set<string>()
  const texts = new Map<string, string>()
  for (const q of questions) {
    if (seen.has(q.id)) problem(`${q.id}: duplicate id`)
    seen.add(q.id)
    if (q.question.trim() === '') problem(`${q.id}: empty question`)

    if (!q.answerable) {
      if (q.doc_id !== undefined) problem(`${q.id}: unanswerable question must not have a doc_id`)
      if (q.evidence.length > 0) problem(`${q.id}: unanswerable question must have empty evidence`)
      if (q.requires_group !== undefined)
        problem(`${q.id}: unanswerable question must not have requires_group`)
      continue
    }
    if (!q.doc_id) {
      problem(`${q.id}: answerable question without doc_id`)
      continue
    }
    if (!q.answer) problem(`${q.id}: answerable question without answer`)
    if (q.evidence.length === 0) problem(`${q.id}: answerable question without evidence`)

    const entry = manifest.get(q.doc_id)
    if (!entry) problem(`${q.id}: doc_id ${q.doc_id} is not in the manifest`)
    else if (
      entry.groups.includes('everyone') ? q.requires_group !== undefined : q.requires_group === undefined
    ) {
      problem(
        `${q.id}: requires_group does not match the groups of ${entry.file} (${entry.groups.join(', ')})`,
      )
    } else if (q.requires_group !== undefined && !entry.groups.includes(q.requires_group)) {
      problem(`${q.id}: requires_group ${q.requires_group} is not a group of ${entry.file}`)
    }

    if (!texts.has(q.doc_id)) texts.set(q.doc_id, normalize(documentText(q.doc_id) ?? ''))
    const text = texts.get(q.doc_id) ?? ''
    if (text === '') problem(`${q.id}: no text found for document ${q.doc_id}`)
    covered.add(q.doc_id)
    for (const evidence of q.evidence) {
      if (evidence.length < EVIDENCE_LENGTH.min || evidence.length > EVIDENCE_LENGTH.max) {
        problem(
          `${q.id}: evidence is ${evidence.length} characters (allowed ${EVIDENCE_LENGTH.min}-${EVIDENCE_LENGTH.max})`,
        )
      }
      if (/\*\*|\||\]\(|^\s*[-#]\s/.test(evidence))
        problem(`${q.id}: evidence contains Markdown syntax: "${evidence}"`)
      if (text !== '' && !text.includes(normalize(evidence))) {
        problem(`${q.id}: evidence not found in ${q.doc_id}: "${evidence}"`)
      }
    }
  }

  for (const docId of manifest.keys()) {
    if (!covered.has(docId)) problem(`no answerable question for document ${docId}`)
  }

  const answerable = questions.filter((q) => q.answerable).length
  const hr = questions.filter((q) => q.requires_group === 'hr').length
  const counts = { total: questions.length, answerable, unanswerable: questions.length - answerable, hr }
  for (const key of Object.keys(MIN) as Array<keyof typeof MIN>) {
    if (counts[key] < MIN[key]) problem(`only ${counts[key]} ${key} questions (need at least ${MIN[key]})`)
  }

  console.log(
    `questions: ${counts.total} total, ${counts.answerable} answerable, ${counts.unanswerable} unanswerable, ` +
      `${counts.hr} requiring group hr; ${covered.size}/${manifest.size} documents covered`,
  )
  for (const p of problems) console.log(`problem: ${p}`)
  console.log(`${problems.length} problem(s)`)
  process.exitCode = problems.length > 0 ? 1 : 0
}

main()
