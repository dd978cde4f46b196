/** A stand-in OpenTelemetry collector: accepts OTLP/HTTP JSON trace exports and keeps the spans. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type CollectedSpan = {
  service: string
  traceId: string
  spanId: string
  parentSpanId?: string
  name: string
  attributes: Record<string, unknown>
}
export type OtlpCollector = { endpoint: string; spans: CollectedSpan[]; close: () => Promise<void> }

type OtlpValue = {
  stringValue?: string
  intValue?: string | number
  doubleValue?: number
  boolValue?: boolean
}
type OtlpAttribute = { key: string; value: OtlpValue }
type OtlpExport = {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] }
    scopeSpans?: {
      spans?: {
        traceId: string
        spanId: string
        parentSpanId?: string
        name: string
        attributes?: OtlpAttribute[]
      }[]
    }[]
  }[]
}

const attributeValue = (v: OtlpValue) => v.stringValue ?? v.intValue ?? v.doubleValue ?? v.boolValue
const toRecord = (attributes: OtlpAttribute[] = []) =>
  Object.fromEntries(attributes.map((a) => [a.key, attributeValue(a.value)]))

export async function startOtlpCollector(): Promise<OtlpCollector> {
  const spans: CollectedSpan[] = []
  const server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (d: Buffer) => {
      raw += d.toString()
    })
    req.on('end', () => {
      if (req.url === '/v1/traces' && (req.headers['content-type'] ?? '').includes('json')) {
        const body = JSON.parse(raw) as OtlpExport
        for (const resource of body.resourceSpans ?? []) {
          const service = String(toRecord(resource.resource?.attributes)['service.name'] ?? '')
          for (const scope of resource.scopeSpans ?? [])
            for (const span of scope.spans ?? [])
              spans.push({
                service,
                traceId: span.traceId,
                spanId: span.spanId,
                parentSpanId: span.parentSpanId || undefined,
                name: span.name,
                attributes: toRecord(span.attributes),
              })
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
