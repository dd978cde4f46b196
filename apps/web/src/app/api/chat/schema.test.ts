import { describe, expect, it } from 'vitest'
import { chatRequestSchema } from './schema'

describe('chatRequestSchema', () => {
  it('accepts a message, trimmed, with an optional conversation id', () => {
    expect(chatRequestSchema.parse({ message: '  How much leave?  ' })).toEqual({
      message: 'How much leave?',
    })
    const id = '3f1c2a7e-9b1d-4c55-8f0e-2a4b6c8d0e1f'
    expect(chatRequestSchema.parse({ message: 'x', conversationId: id }).conversationId).toBe(id)
  })

  it('rejects empty, whitespace-only and over-long messages, and malformed ids', () => {
    expect(chatRequestSchema.safeParse({ message: '' }).success).toBe(false)
    expect(chatRequestSchema.safeParse({ message: '   ' }).success).toBe(false)
    expect(chatRequestSchema.safeParse({ message: 'a'.repeat(4000) }).success).toBe(true)
    expect(chatRequestSchema.safeParse({ message: 'a'.repeat(4001) }).success).toBe(false)
    expect(chatRequestSchema.safeParse({ message: 'hi', conversationId: 'abc' }).success).toBe(false)
    expect(chatRequestSchema.safeParse({}).success).toBe(false)
  })
})
