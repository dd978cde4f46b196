import type { schema } from '@policydesk/db'

/**
 * Who the MCP server acts for: a Policy Desk account with its groups (loaded by the transport's owner, per
 * request or per process) and what it may use. Over HTTP `scopes` are the API token's; the stdio server run
 * by an operator (`policydesk mcp --as EMAIL`) may use everything the account may.
 */
export type McpCaller = {
  userId: string
  email: string
  groupIds: string[]
  /** The caller's profile (country, office…) when already loaded; askPolicy reads it otherwise. */
  attributes?: schema.UserAttributes
  scopes: readonly string[] | 'all'
}

/** Absolute links to a version's original file, on the deployment the caller uses. */
export type Links = {
  original: (p: { documentId: string; versionId: string; page?: number | null }) => string
}

const allows = (caller: McpCaller, scope: string) => caller.scopes === 'all' || caller.scopes.includes(scope)

/** Searching and reading documents: `search` or `chat` (answers cite documents, so chat implies reading). */
export const maySearch = (caller: McpCaller) => allows(caller, 'search') || allows(caller, 'chat')
export const mayAsk = (caller: McpCaller) => allows(caller, 'chat')

/** `origin/api/documents/:id/original?version=…#page=n`, the same access rule when opened. */
export function originalLinks(origin: string): Links {
  const base = origin.replace(/\/$/, '')
  return {
    original: ({ documentId, versionId, page }) =>
      `${base}/api/documents/${documentId}/original?version=${versionId}${page ? `#page=${page}` : ''}`,
  }
}
