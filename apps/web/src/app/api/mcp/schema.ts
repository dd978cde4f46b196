import { z } from 'zod'

/** A JSON-RPC 2.0 message of MCP; the SDK checks the rest (method, params) and answers JSON-RPC errors. */
const message = z
  .object({
    jsonrpc: z.literal('2.0'),
    method: z.string().min(1).optional(),
    id: z.union([z.string(), z.number()]).optional(),
  })
  .loose()

/** `POST /api/mcp`: one message or a batch. */
export const mcpRequestSchema = z.union([message, z.array(message).min(1).max(50)])
