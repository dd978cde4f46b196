#!/usr/bin/env node
// Development: the CLI runs its TypeScript sources directly (no build step to remember), tsx compiles on
// load. Images set POLICYDESK_COMPILED=1 and run the esbuild bundle on plain node (docs/deployment.md).
// biome-ignore lint/style/noProcessEnv: chooses how to load the CLI, before any env.ts can be loaded
if (process.env.POLICYDESK_COMPILED === '1') {
  await import('../build/dist/main.mjs')
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/main.ts')
}
