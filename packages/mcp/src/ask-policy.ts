import {
  addAnswerMessage,
  createConversationWithQuestion,
  getUserAttributes,
  versionNumbers,
} from '@policydesk/db'
import { answer, type InferenceDeps } from '@policydesk/inference'
import type { Links, McpCaller } from './caller'

export type PolicyAnswer = {
  text: string
  abstained: boolean
  citations: {
    n: number
    title: string
    versionNo: number | null
    headingPath: string[]
    page: number | null
    quote: string
    url: string
  }[]
  conversationId: string
  traceId: string | null
}

const title = (question: string, via: string) => {
  const line = question.replace(/\s+/g, ' ').trim()
  return `${line.length > 54 ? `${line.slice(0, 53)}…` : line} (${via})`
}

/**
 * One question answered as a chat turn: a conversation of the caller's (titled "… (MCP)"), the question
 * and the answer stored as messages, the answer trace written by the pipeline — so it shows in the user's
 * history and in the analysts' answers log like any other. The pipeline retrieves under the caller's groups.
 */
export async function askPolicy(
  deps: InferenceDeps,
  caller: McpCaller,
  links: Links,
  question: string,
  signal?: AbortSignal,
  /** Where the question came from, in the conversation's title: "… (MCP)", "… (Slack)". */
  via = 'MCP',
): Promise<PolicyAnswer> {
  const conversation = await createConversationWithQuestion(deps.db, {
    userId: caller.userId,
    title: title(question, via),
    question,
  })
  const result = await answer(deps, {
    question,
    // The caller's profile: answers quote the rule for their country, office, contract.
    user: {
      userId: caller.userId,
      groupIds: caller.groupIds,
      attributes: caller.attributes ?? (await getUserAttributes(deps.db, caller.userId)),
    },
    conversationId: conversation.id,
    signal,
  })
  await addAnswerMessage(deps.db, {
    conversationId: conversation.id,
    content: result.text,
    traceId: result.traceId,
  })
  const numbers = await versionNumbers(deps.db, [...new Set(result.citations.map((c) => c.versionId))])
  return {
    text: result.text,
    abstained: result.abstained,
    citations: result.citations.map((c) => ({
      n: c.n,
      title: c.title,
      versionNo: numbers.get(c.versionId) ?? null,
      headingPath: c.headingPath,
      page: c.page,
      quote: c.quote,
      url: links.original({ documentId: c.documentId, versionId: c.versionId, page: c.page }),
    })),
    conversationId: conversation.id,
    traceId: result.traceId,
  }
}
