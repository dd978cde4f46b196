import type { ApiTokenScope } from '@policydesk/db'
import type { z } from 'zod'

/** One operation of the HTTP API as the OpenAPI document describes it (build-document.ts). */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Who may call it: nobody signed in needed, any signed-in role, analysts and admins, admins. */
export type Access = 'public' | 'anyone' | 'reviewers' | 'admins'

export type Operation = {
  method: HttpMethod
  /** OpenAPI path: `/api/conversations/{id}`. Every `{param}` is a UUID unless `pathParams` says otherwise. */
  path: string
  tag: string
  summary: string
  description?: string
  access: Access
  /** The scopes that let an API token call it (as the route gives authorizeApi); absent: session only. */
  tokens?: readonly ApiTokenScope[] | 'any-scope'
  query?: z.ZodType
  /** A JSON body validated by this schema (the route's own), or a multipart upload. */
  body?: z.ZodType | 'multipart'
  response: { status: number; description: string; schema?: z.ZodType; contentType?: string }
}
