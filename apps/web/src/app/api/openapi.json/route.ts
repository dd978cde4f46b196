import { openApiDocument } from '@/lib/server/openapi/document'

export const dynamic = 'force-dynamic'

/** The OpenAPI 3.1 document of this API, built from the routes' zod schemas (lib/openapi). Public: no data. */
export function GET() {
  return Response.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } })
}
