import { z } from 'zod'

export const evalQuestionSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  answerable: z.boolean(),
  doc_id: z.string().min(1).optional(),
  evidence: z.array(z.string()).default([]),
  answer: z.string().optional(),
})

export type EvalQuestion = z.infer<typeof evalQuestionSchema>

/** Parses JSONL; a malformed line is reported with its line number. Unknown fields are ignored. */
export function parseQuestions(jsonl: string): EvalQuestion[] {
  const questions: EvalQuestion[] = []
  const lines = jsonl.split('\n')
  lines.forEach((line, index) => {
    if (line.trim().length === 0) return
    let raw: unknown
    try {
      raw = JSON.parse(line)
    } catch (error) {
      throw new Error(
        `questions line ${index + 1}: invalid JSON (${error instanceof Error ? error.message : String(error)})`,
      )
    }
    const parsed = evalQuestionSchema.safeParse(raw)
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'line'} ${i.message}`).join('; ')
      throw new Error(`questions line ${index + 1}: ${problems}`)
    }
    questions.push(parsed.data)
  })
  if (questions.length === 0) throw new Error('the questions file has no questions')
  return questions
}
