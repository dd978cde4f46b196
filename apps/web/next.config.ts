import path from 'node:path'
import type { NextConfig } from 'next'

const config: NextConfig = {
  // Internal packages are TypeScript source (see STYLE.md); Next compiles them.
  transpilePackages: [
    '@policydesk/db',
    '@policydesk/finetune',
    '@policydesk/ingest',
    '@policydesk/inference',
    '@policydesk/jobs',
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
  ],
  turbopack: { root: path.resolve(import.meta.dirname, '../..') },
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a real HTTP 403 for signed-in users without the role.
  experimental: { authInterrupts: true },
  // The documents page moved into the admin area.
  redirects: async () => [{ source: '/documents', destination: '/admin/documents', permanent: false }],
}

export default config
