import type { PolicyAnswer } from '@policydesk/mcp'

/** Slack's mrkdwn escapes: `&`, `<`, `>` (the only characters Slack treats specially in text). */
export const slackEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** An answer as one Slack message: the text, then each source linked to its original, page included. */
export function formatSlackReply(question: string, result: PolicyAnswer): string {
  const lines = [`> ${slackEscape(question)}`, slackEscape(result.text)]
  if (result.citations.length > 0) {
    lines.push('', '*Sources*')
    for (const c of result.citations) {
      const where = [
        `${c.title}${c.versionNo ? ` (v${c.versionNo})` : ''}`,
        ...c.headingPath,
        c.page ? `p. ${c.page}` : '',
      ]
        .filter(Boolean)
        .join(' › ')
      lines.push(`[${c.n}] <${c.url}|${slackEscape(where)}> — “${slackEscape(c.quote)}”`)
    }
  }
  return lines.join('\n')
}

/** Action ids of the rating buttons under an answer; the button's value is the answer's trace id. */
export const FEEDBACK_ACTION = /^policydesk_feedback_(up|down)$/
const feedbackActionId = (rating: 'up' | 'down') => `policydesk_feedback_${rating}`

/** Slack caps a section's text at 3,000 characters; longer answers are cut with a pointer to the web app. */
const SECTION_LIMIT = 3_000

type Block = import('@slack/bolt').types.KnownBlock

/**
 * The answer as Slack blocks: the text, then — for a logged answer — 👍/👎 buttons that feed the same
 * feedback table as the web app; an abstention adds a pointer to ask in the web app, where a person can
 * take the question on. `text` stays as the notification fallback.
 */
export function slackReplyMessage(
  question: string,
  result: PolicyAnswer,
  appUrl: string,
): { text: string; blocks: Block[] } {
  const text = formatSlackReply(question, result)
  const shown =
    text.length > SECTION_LIMIT ? `${text.slice(0, SECTION_LIMIT - 40)}… (continued in Policy Desk)` : text
  const blocks: Block[] = [{ type: 'section', text: { type: 'mrkdwn', text: shown } }]
  if (result.abstained)
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `The policies you may read don’t say. <${appUrl}|Ask in Policy Desk> to follow it up.`,
        },
      ],
    })
  if (result.traceId)
    blocks.push({
      type: 'actions',
      block_id: 'policydesk_feedback',
      elements: (['up', 'down'] as const).map((rating) => ({
        type: 'button',
        action_id: feedbackActionId(rating),
        value: result.traceId ?? '',
        text: { type: 'plain_text', emoji: true, text: rating === 'up' ? '👍 Helpful' : '👎 Not helpful' },
      })),
    })
  return { text, blocks }
}
