#!/usr/bin/env node
/**
 * Compiles a Node entry point (worker, CLI) into one ESM file that runs on plain `node`, no tsx: the
 * workspace packages (@policydesk/*, TypeScript source) are bundled in; every npm dependency stays an
 * import of node_modules (installed with `npm ci --omit=dev`). The database migrations, which the db
 * package finds next to its own code, are copied beside the bundle.
 *
 *   node tooling/build/bundle-node.mjs apps/worker   # → apps/worker/build/dist/main.mjs
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

const root = path.resolve(import.meta.dirname, '../..')
const app = process.argv[2]
if (!app) {
  console.error('usage: bundle-node.mjs <app dir, e.g. apps/worker>')
  process.exit(2)
}
const appDir = path.resolve(root, app)
const out = path.join(appDir, 'build')
rmSync(out, { recursive: true, force: true })

/** Bundle our own packages, keep everything from npm external. */
const workspaceOnly = {
  name: 'workspace-only',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@policydesk/') ? undefined : { path: args.path, external: true },
    )
  },
}

const entries = { main: path.join(appDir, 'src/main.ts') }
// The CLI can start the embedded database daemon: ship its entry point too (the launcher looks for it).
if (app.endsWith('cli')) entries['daemon-main'] = path.join(root, 'packages/db/src/embedded/daemon-main.ts')

const started = performance.now()
const result = await build({
  entryPoints: entries,
  outdir: path.join(out, 'dist'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  outExtension: { '.js': '.mjs' },
  plugins: [workspaceOnly],
  metafile: true,
  logLevel: 'warning',
  // Bundled CommonJS helpers sometimes call require(); give ESM output one.
  banner: {
    js: "import { createRequire as __pdRequire } from 'node:module'; const require = __pdRequire(import.meta.url);",
  },
})
mkdirSync(path.join(out, 'migrations'), { recursive: true })
cpSync(path.join(root, 'packages/db/migrations'), path.join(out, 'migrations'), { recursive: true })
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0)
console.log(
  `${app}: ${Object.keys(entries).length} entry point(s) → ${path.relative(root, out)}/dist, ${Math.round(bytes / 1024)} KiB in ${Math.round(performance.now() - started)} ms`,
)
