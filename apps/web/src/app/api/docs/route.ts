import { openApiDocument } from '@/lib/server/openapi/document'
import { renderOpenApiHtml } from '@/lib/server/openapi/render-html'

export const dynamic = 'force-dynamic'

/** The API reference as a page, rendered from the OpenAPI document on the server (no script, no CDN). */
export function GET() {
  return new Response(renderOpenApiHtml(openApiDocument()), {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      'Cache-Control': 'public, max-age=300',
    },
  })
}
