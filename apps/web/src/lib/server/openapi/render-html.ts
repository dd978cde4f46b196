import type { OpenApiDocument } from '@/lib/server/openapi/build-document'

/**
 * The OpenAPI document as one self-contained HTML page: no script, no CDN (deployments may have no
 * internet). Every operation with its access, token scopes, parameters, body schema and responses.
 */

const esc = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

const code = (value: unknown) => `<pre>${esc(JSON.stringify(value, null, 2))}</pre>`

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#0f172a}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #cbd5e1;text-transform:capitalize}
section{border:1px solid #e2e8f0;border-radius:8px;padding:.5rem 1rem;margin:.75rem 0}
.m{display:inline-block;min-width:4.5rem;font-weight:700;font-family:ui-monospace,monospace}
.p{font-family:ui-monospace,monospace}pre{background:#f1f5f9;padding:.5rem;overflow:auto;font-size:13px}
table{border-collapse:collapse}td,th{border:1px solid #e2e8f0;padding:.2rem .5rem;text-align:left}
summary{cursor:pointer}.muted{color:#475569}`

export function renderOpenApiHtml(document: OpenApiDocument): string {
  const byTag = new Map<string, string[]>()
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const tokens = op.security?.find((s) => 'bearer' in s)?.bearer
      const access = `${op['x-policydesk-access']}${
        tokens
          ? ` · API token${tokens.length ? ` with ${tokens.join(' or ')}` : ' (any scope)'}`
          : op.security
            ? ' · session only'
            : ''
      }`
      const params = op.parameters?.length
        ? `<table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th></tr>${op.parameters
            .map(
              (p) =>
                `<tr><td class="p">${esc(p.name)}</td><td>${p.in}</td><td>${p.required ? 'yes' : 'no'}</td><td>${esc(JSON.stringify(p.schema))}</td></tr>`,
            )
            .join('')}</table>`
        : ''
      const body = op.requestBody
        ? Object.entries(op.requestBody.content)
            .map(
              ([type, { schema }]) =>
                `<details><summary>Body (${esc(type)})</summary>${code(schema)}</details>`,
            )
            .join('')
        : ''
      const responses = Object.entries(op.responses)
        .map(([status, r]) => {
          const schema = r.content ? Object.values(r.content)[0]?.schema : undefined
          const shown = schema && Object.keys(schema).length > 0 && !('$ref' in schema)
          return `<li><b>${status}</b> ${esc(r.description)}${shown ? `<details><summary>schema</summary>${code(schema)}</details>` : ''}</li>`
        })
        .join('')
      const html = `<section id="${esc(op.operationId)}"><p><span class="m">${method.toUpperCase()}</span> <span class="p">${esc(path)}</span> — ${esc(op.summary)}</p>
<p class="muted">${esc(access)}</p>${op.description ? `<p>${esc(op.description)}</p>` : ''}${params}${body}<ul>${responses}</ul></section>`
      const tag = op.tags[0] ?? 'other'
      byTag.set(tag, [...(byTag.get(tag) ?? []), html])
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<h2>${esc(tag)}</h2>${ops.join('\n')}`).join('\n')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(document.info.title)}</title><style>${STYLE}</style></head><body><main>
<h1>${esc(document.info.title)} <small class="muted">${esc(document.info.version)}</small></h1>
<p>${esc(document.info.description)}</p><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
${sections}</main></body></html>`
}
