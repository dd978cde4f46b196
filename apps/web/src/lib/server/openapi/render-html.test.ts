import { describe, expect, it } from 'vitest'
import { buildOpenApiDocument } from '@/lib/server/openapi/build-document'
import { OPERATIONS } from '@/lib/server/openapi/operations'
import { renderOpenApiHtml } from '@/lib/server/openapi/render-html'

describe('renderOpenApiHtml', () => {
  const html = renderOpenApiHtml(buildOpenApiDocument(OPERATIONS, { serverUrl: 'http://x', version: '1' }))

  it('lists every operation, its access and token scopes, without any script', () => {
    for (const op of OPERATIONS) expect(html).toContain(`${op.path.replace(/&/g, '&amp;')}</span> — `)
    expect(html).toContain('API token with review:read')
    expect(html).toContain('admins · session only')
    expect(html).not.toMatch(/<script|https?:\/\/(?!x)/i)
  })

  it('escapes what it shows', () => {
    const doc = buildOpenApiDocument(
      [
        {
          method: 'GET',
          path: '/api/x',
          tag: 't',
          summary: '<img src=x onerror=alert(1)>',
          access: 'public',
          response: { status: 200, description: 'ok' },
        },
      ],
      { serverUrl: 'http://x', version: '1' },
    )
    expect(renderOpenApiHtml(doc)).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })
})
