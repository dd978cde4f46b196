import { describe, expect, it } from 'vitest'
import { formatSlackReply, slackEscape } from './reply'

describe('formatSlackReply', () => {
  it('quotes the question, escapes text and links each source', () => {
    const text = formatSlackReply('Parking <cost>?', {
      text: 'It costs 5 EUR a day [1].',
      abstained: false,
      conversationId: 'c',
      traceId: 't',
      citations: [
        {
          n: 1,
          title: 'Parking & Garage',
          versionNo: 2,
          headingPath: ['Fees'],
          page: 3,
          quote: 'Parking costs 5 EUR.',
          url: 'http://pd/x',
        },
      ],
    })
    expect(text).toBe(
      '> Parking &lt;cost&gt;?\nIt costs 5 EUR a day [1].\n\n*Sources*\n[1] <http://pd/x|Parking &amp; Garage (v2) › Fees › p. 3> — “Parking costs 5 EUR.”',
    )
    expect(slackEscape('<@U1>')).toBe('&lt;@U1&gt;')
  })
})
