import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'
import { createPolicyDeskMcpServer, type McpContext } from './server'

/** Serves MCP over stdin/stdout until the client closes it (`policydesk mcp --as EMAIL`). */
export async function runMcpStdio(ctx: McpContext): Promise<void> {
  const server = createPolicyDeskMcpServer(ctx)
  const transport = new StdioServerTransport()
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve()
  })
  await server.connect(transport)
  await closed
}
