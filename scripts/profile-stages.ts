/**
 * Per-stage CPU of a V8 profile (`node --cpu-prof`), for docs/benchmarks.md ("CPU of one answer").
 *
 *   npx tsx scripts/profile-stages.ts --answers 200 [--detail 'node core'] /tmp/prof/web/*.cpuprofile
 *
 * Each sample is charged to the innermost frame on its stack whose original source file matches a stage
 * (the table below); frames of bundled code (Next's server chunks) are mapped back to their sources through
 * the chunk's source map, so `packages/inference/src/retrieve/…` inside a Turbopack chunk still counts as
 * retrieval. Library frames without a stage of their own (zod, say) count for the stage that called them.
 * Idle time is left out; the rest is divided by --answers to give milliseconds per answer.
 * Only node built-ins: it reads the profile and the maps, nothing else.
 */
import { existsSync, readFileSync } from 'node:fs'
import { SourceMap } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** First match wins, so the more specific patterns come first. */
const STAGES: ReadonlyArray<readonly [stage: string, pattern: RegExp]> = [
  ['auth (session, token, role)', /lib\/server\/(auth|tokens)\/|node_modules\/(jose|@panva|oauth4webapi)\//],
  ['rate limit', /lib\/server\/rate-limit\//],
  ['request validation (zod)', /app\/api\/chat\/schema|lib\/server\/(http|request)/],
  ['history (conversation + turns)', /lib\/server\/chat\/(chat-turn|messages)|queries\/conversations/],
  [
    'retrieval (search, fusion, context)',
    /inference\/src\/(retrieve|search)\/|queries\/(retrieval|term-stats|readable-version)|db\/src\/access\//,
  ],
  [
    'generation (extractive answerer, prompt)',
    /inference\/src\/(generate|prompt|providers)\/|node_modules\/@langchain\//,
  ],
  ['answerability + validation', /inference\/src\/(answerability|validate)\//],
  ['text helpers (terms, tokens, untrusted text)', /packages\/text\/|node_modules\/gpt-tokenizer\//],
  [
    'trace + message writes',
    /queries\/(answer-traces|answer-cache)|inference\/src\/pipeline\/finish|lib\/server\/chat\/citations/,
  ],
  ['pipeline (other inference)', /inference\/src\//],
  ['streaming (SSE)', /lib\/server\/chat\/sse|app\/api\/chat\/route/],
  [
    'observability (logs, metrics, spans)',
    /lib\/server\/observability\/|packages\/observability\/|node_modules\/(pino|prom-client|@opentelemetry)\//,
  ],
  [
    'database client (drizzle, pg driver)',
    /node_modules\/(drizzle-orm|pg|pg-protocol|pg-pool|postgres-array|pg-types)\//,
  ],
  ['Next.js + React (routing, request/response)', /node_modules\/(next|react|react-dom|@next)\//],
  ['other app code', /apps\/web\/|packages\//],
]
const UNCATEGORISED = 'node core, GC, unattributed'

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
  columnNumber: number
}
interface ProfileNode {
  id: number
  callFrame: CallFrame
  children?: number[]
}
interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

function parseArgs(argv: string[]): { answers: number; files: string[]; detail?: string } {
  let answers = 1
  let detail: string | undefined
  const files: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--detail') detail = argv[++i]
    else if (arg === '--answers') {
      answers = Number(argv[++i])
      if (!Number.isInteger(answers) || answers < 1) throw new Error('--answers must be a positive integer')
    } else files.push(arg)
  }
  if (files.length === 0) throw new Error('usage: profile-stages.ts [--answers N] FILE.cpuprofile…')
  return { answers, files, detail }
}

/** Maps (url, line, column) of a frame to its original source file, through the file's source map if any. */
class SourceResolver {
  readonly #maps = new Map<string, SourceMap | null>()

  resolve(frame: CallFrame): string {
    if (!frame.url) return ''
    const file = frame.url.startsWith('file://') ? fileURLToPath(frame.url) : frame.url
    const map = this.#mapFor(file)
    if (!map) return file
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber)
    const source = 'originalSource' in entry ? entry.originalSource : undefined
    if (!source) return file
    // Turbopack names sources `turbopack:///[project]/…`; plain tsc maps name them relative to the map.
    const decoded = decodeURIComponent(source)
    return /^[a-z]+:/.test(decoded) ? decoded : path.resolve(path.dirname(file), decoded)
  }

  #mapFor(file: string): SourceMap | null {
    const cached = this.#maps.get(file)
    if (cached !== undefined) return cached
    let map: SourceMap | null = null
    const mapFile = `${file}.map`
    if (path.isAbsolute(file) && existsSync(mapFile)) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')))
      } catch {
        map = null
      }
    }
    this.#maps.set(file, map)
    return map
  }
}

function stageOf(source: string): string | undefined {
  for (const [stage, pattern] of STAGES) if (pattern.test(source)) return stage
  return undefined
}

function analyse(
  profile: CpuProfile,
  resolver: SourceResolver,
  totals: Map<string, number>,
  detail?: { stage: string; frames: Map<string, number> },
): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const stageOfNode = new Map<number, string>()
  const nodeStage = (id: number): string => {
    const known = stageOfNode.get(id)
    if (known) return known
    const node = byId.get(id)
    let stage: string
    if (!node) stage = UNCATEGORISED
    else if (node.callFrame.functionName === '(idle)') stage = 'idle'
    else {
      const own = stageOf(resolver.resolve(node.callFrame))
      const up = parent.get(id)
      stage = own ?? (up === undefined ? UNCATEGORISED : nodeStage(up))
    }
    stageOfNode.set(id, stage)
    return stage
  }
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000
    const stage = nodeStage(id)
    totals.set(stage, (totals.get(stage) ?? 0) + ms)
    const node = byId.get(id)
    if (detail && node && stage.startsWith(detail.stage)) {
      const source = resolver.resolve(node.callFrame).replace(/^.*node_modules\//, '')
      const frame = `${node.callFrame.functionName || '(anonymous)'} ${source}`
      detail.frames.set(frame, (detail.frames.get(frame) ?? 0) + ms)
    }
  })
}

function main(): void {
  const { answers, files, detail: detailStage } = parseArgs(process.argv.slice(2))
  const resolver = new SourceResolver()
  const totals = new Map<string, number>()
  const detail = detailStage ? { stage: detailStage, frames: new Map<string, number>() } : undefined
  for (const file of files) {
    analyse(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, resolver, totals, detail)
  }
  totals.delete('idle')
  const busy = [...totals.values()].reduce((a, b) => a + b, 0)
  const rows = [...totals.entries()].sort((a, b) => b[1] - a[1])
  console.log(`| stage | CPU ms per answer | share |\n| --- | ---: | ---: |`)
  for (const [stage, ms] of rows) {
    console.log(`| ${stage} | ${(ms / answers).toFixed(2)} | ${((100 * ms) / busy).toFixed(1)} % |`)
  }
  console.log(`| **total** | **${(busy / answers).toFixed(2)}** | 100 % |`)
  if (detail) {
    console.log(`\nframes of "${detail.stage}…" by self time (ms per answer):`)
    const top = [...detail.frames.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)
    for (const [frame, ms] of top) console.log(`${(ms / answers).toFixed(3)}  ${frame}`)
  }
}

main()
