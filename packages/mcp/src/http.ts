import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'
import { createPolicyDeskMcpServer, type McpContext } from './server'

/** MCP messages are small; a cap keeps a client from making the server read a large body. */
const MAX_BODY_BYTES = 256 * 1024

/**
 * One Streamable HTTP request, stateless: a server for this caller and a transport for this request, JSON
 * responses (no session to resume, nothing kept between requests), so any web replica can answer any
 * request and the caller's access is re-read every time.
 */
export async function handleMcpHttpRequest(
  request: Request,
  ctx: McpContext,
  /** The JSON body when the caller has already read (and bounded) it. */
  parsedBody?: unknown,
): Promise<Response> {
  const server = createPolicyDeskMcpServer(ctx)
  const transport = new WebStandardStreamableHTTPServerTransport({
    enableJsonResponse: true,
    keepAliveMs: 0,
    maxRequestBodySize: MAX_BODY_BYTES,
  })
  await server.connect(transport)
  try {
    return await transport.handleRequest(request, parsedBody === undefined ? undefined : { parsedBody })
  } finally {
    await server.close()
  }
}
