import { API_TOKEN_SCOPES, MAX_TOKEN_DAYS } from '@policydesk/db'
import { z } from 'zod'

/**
 * `POST /api/me/tokens` takes `createTokenSchema`. The response shapes are those of both token routes
 * (/api/me/tokens, /api/admin/tokens, whose schema.ts extends this request): docs/api.md.
 */

export const tokenScopeSchema = z.enum(API_TOKEN_SCOPES)

export const createTokenSchema = z
  .object({
    name: z.string().trim().min(1, 'name the token').max(80, 'at most 80 characters'),
    scopes: z.array(tokenScopeSchema).min(1, 'choose at least one scope').max(API_TOKEN_SCOPES.length),
    expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).default(90),
  })
  .strict()

export const tokenSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['personal', 'service']),
  prefix: z.string().describe('The first characters of the secret, to recognise it'),
  scopes: z.array(z.string()),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  status: z.enum(['active', 'expired', 'revoked']),
  userId: z.uuid(),
  userEmail: z.string(),
  userName: z.string(),
  createdByEmail: z.string().nullable(),
})

export const tokenListSchema = z.object({
  tokens: z.array(tokenSummarySchema),
  /** The scopes the caller's role can use (what the settings form offers). */
  scopes: z.array(tokenScopeSchema),
})

export const createdTokenSchema = z.object({
  token: tokenSummarySchema,
  secret: z.string().describe('The token itself (pd_…). Shown only in this response; store it now.'),
})

export type TokenSummaryJson = z.infer<typeof tokenSummarySchema>
export type CreatedTokenJson = z.infer<typeof createdTokenSchema>
