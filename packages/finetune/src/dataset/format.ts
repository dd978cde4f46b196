import { countTokens } from '@policydesk/text'
import { z } from 'zod'

/**
 * The OpenAI chat fine-tuning format: one JSON object per line, `{"messages": [...]}`, a system turn, then
 * user/assistant turns alternating, ending with the assistant turn the model should learn.
 */
export const chatMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string().refine((s) => s.trim().length > 0, 'content is empty'),
})

export const chatExampleSchema = z
  .object({ messages: z.array(chatMessageSchema).min(2, 'needs at least a user and an assistant turn') })
  .strict()
  .superRefine(({ messages }, ctx) => {
    const turns = messages[0]?.role === 'system' ? messages.slice(1) : messages
    if (messages.slice(1).some((m) => m.role === 'system'))
      ctx.addIssue({ code: 'custom', path: ['messages'], message: 'a system message may only come first' })
    turns.forEach((m, i) => {
      const expected = i % 2 === 0 ? 'user' : 'assistant'
      if (m.role !== expected && m.role !== 'system')
        ctx.addIssue({ code: 'custom', path: ['messages', i], message: `expected a ${expected} turn` })
    })
    if (messages.at(-1)?.role !== 'assistant')
      ctx.addIssue({ code: 'custom', path: ['messages'], message: 'the last turn must be the assistant' })
  })

export type ChatExample = z.infer<typeof chatExampleSchema>
export type ChatMessage = z.infer<typeof chatMessageSchema>

/** o200k tokens of an example, with OpenAI's per-message overhead (3 per message + 3 for the reply). */
export function countExampleTokens(example: ChatExample): number {
  return example.messages.reduce((sum, m) => sum + 3 + countTokens(m.content), 3)
}

export type FormatCheck =
  | { ok: true; tokens: number }
  | { ok: false; reason: 'invalid' | 'too-long'; detail: string }

export function checkExample(example: unknown, maxTokens: number): FormatCheck {
  const parsed = chatExampleSchema.safeParse(example)
  if (!parsed.success)
    return {
      ok: false,
      reason: 'invalid',
      detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    }
  const tokens = countExampleTokens(parsed.data)
  if (tokens > maxTokens) return { ok: false, reason: 'too-long', detail: `${tokens} > ${maxTokens} tokens` }
  return { ok: true, tokens }
}

/** Validates a whole JSONL file (what `submit` uploads): line numbers in the errors. */
export function validateJsonl(content: string, maxTokens: number): { examples: number; errors: string[] } {
  const errors: string[] = []
  let examples = 0
  content.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    examples++
    let json: unknown
    try {
      json = JSON.parse(line)
    } catch {
      errors.push(`line ${index + 1}: not JSON`)
      return
    }
    const check = checkExample(json, maxTokens)
    if (!check.ok) errors.push(`line ${index + 1}: ${check.reason}: ${check.detail}`)
  })
  return { examples, errors }
}
