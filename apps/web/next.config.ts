import path from 'node:path'
import type { NextConfig } from 'next'

const config: NextConfig = {
  // Container images build with NEXT_OUTPUT=standalone: a self-contained server.js with only the
  // node_modules it traces (docs/deployment.md). `npm start` keeps `next start` on the regular build.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  outputFileTracingRoot: path.resolve(import.meta.dirname, '../..'),
  // Readiness and the System page compare applied migrations with the committed files: ship them
  // (found through POLICYDESK_MIGRATIONS_DIR in the image).
  outputFileTracingIncludes: { '/**': ['../../packages/db/migrations/**/*'] },
  // Internal packages are TypeScript source (see STYLE.md); Next compiles them.
  transpilePackages: [
    '@policydesk/db',
    '@policydesk/finetune',
    '@policydesk/ingest',
    '@policydesk/inference',
    '@policydesk/jobs',
    '@policydesk/observability',
    '@policydesk/runtime',
  ],
  // Native-ish or worker-thread libraries stay plain Node requires on the server.
  serverExternalPackages: [
    'pg',
    'bullmq',
    'ioredis',
    'unpdf',
    'mammoth',
    'jszip',
    'gpt-tokenizer',
    '@electric-sql/pglite',
    '@electric-sql/pglite-pgvector',
    // Logging, metrics and tracing keep process-wide state (and pino its worker-thread transport code).
    'pino',
    'prom-client',
    '@opentelemetry/api',
    '@opentelemetry/sdk-trace-node',
    '@opentelemetry/exporter-trace-otlp-http',
    '@opentelemetry/resources',
  ],
  turbopack: { root: path.resolve(import.meta.dirname, '../..') },
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real HTTP 403 for signed-in users without the role.
  experimental: { authInterrupts: true },
  // The documents page moved into the admin area.
  redirects: async () => [{ source: '/documents', destination: '/admin/documents', permanent: false }],
}

export default config
