import { describe, expect, it } from 'vitest'
import { renameConversationSchema } from './schema'

describe('renameConversationSchema', () => {
  it('trims titles and bounds their length', () => {
    expect(renameConversationSchema.parse({ title: '  Leave questions ' })).toEqual({
      title: 'Leave questions',
    })
    expect(renameConversationSchema.safeParse({ title: ' ' }).success).toBe(false)
    expect(renameConversationSchema.safeParse({ title: 'x'.repeat(121) }).success).toBe(false)
  })
})
