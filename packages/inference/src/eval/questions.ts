import { z } from 'zod'

export const evalQuestionSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  answerable: z.boolean(),
  doc_id: z.string().min(1).optional(),
  evidence: z.array(z.string()).default([]),
  /** A reference answer for F1; `null` (no reference) is the same as leaving it out. */
  answer: z
    .string()
    .nullish()
    .transform((value) => value ?? undefined),
})

/** A question and where it came from, so a problem found later can name its line. */
export type EvalQuestion = Omit<z.infer<typeof evalQuestionSchema>, 'answer'> & {
  answer?: string
  source: string
  line: number
}

/**
 * Parses JSONL; a malformed line is reported with its line number. Unknown fields are ignored.
 * `source` names the file in messages.
 */
export function parseQuestions(jsonl: string, source = 'questions'): EvalQuestion[] {
  const questions: EvalQuestion[] = []
  const lines = jsonl.split('\n')
  lines.forEach((text, index) => {
    if (text.trim().length === 0) return
    const where = `${source} line ${index + 1}`
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch (error) {
      throw new Error(`${where}: invalid JSON (${error instanceof Error ? error.message : String(error)})`)
    }
    const parsed = evalQuestionSchema.safeParse(raw)
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'line'} ${i.message}`).join('; ')
      throw new Error(`${where}: ${problems}`)
    }
    const { answer, ...rest } = parsed.data
    questions.push({ ...rest, ...(answer === undefined ? {} : { answer }), source, line: index + 1 })
  })
  if (questions.length === 0) throw new Error(`${source} has no questions`)
  return questions
}

/** A corpus file as eval ingested it: its document slug and its file name. */
export type CorpusDocument = { slug: string; fileName: string }

/**
 * Resolves every question's `doc_id` to a document slug: the slug itself, the file name (`acbj.com`) or
 * the file name without its extension all name the same document. An id that names no document is an
 * error naming its line, never a silent zero.
 */
export function resolveDocIds(questions: EvalQuestion[], documents: CorpusDocument[]): EvalQuestion[] {
  const bySlugOrName = new Map<string, string>()
  for (const doc of documents) {
    bySlugOrName.set(doc.slug, doc.slug)
    bySlugOrName.set(doc.fileName, doc.slug)
    bySlugOrName.set(doc.fileName.replace(/\.[^.]+$/, ''), doc.slug)
  }
  return questions.map((q) => {
    if (q.doc_id === undefined) return q
    const slug = bySlugOrName.get(q.doc_id) ?? bySlugOrName.get(q.doc_id.toLowerCase())
    if (!slug)
      throw new Error(
        `${q.source} line ${q.line}: doc_id "${q.doc_id}" names no document of the corpus (use a file name, the file name without extension, or the slug)`,
      )
    return { ...q, doc_id: slug }
  })
}
