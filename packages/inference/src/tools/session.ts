import type { schema } from '@policydesk/db'
import { errorMessage } from '@policydesk/runtime'
import type { Asker, InferenceDeps } from '../pipeline/types'
import type { NumberedSource, SourceOmission } from '../prompt/answer-prompt'
import { DateInputError } from './calculate-dates'
import { TOOLS, type Tool, ToolArgumentError, type ToolContext, ToolResultError } from './definitions'

/** Tool rounds per answer before the model must answer without tools. */
export const MAX_TOOL_ROUNDS = 3
/** Calls per round: more are recorded as rejected (a model looping on one tool costs time, not answers). */
export const MAX_CALLS_PER_ROUND = 6

export type RequestedToolCall = { id: string; name: string; rawArguments: string }

/** What the model gets back for one call (a tool message) and whether it failed. */
export type ToolReply = { content: string; failed: boolean }

/** The tool calls of one answer: runs them, records each as a TraceToolCall, collects sources and proposals. */
export class ToolSession {
  readonly calls: schema.TraceToolCall[] = []
  /** Passages search_policies returned that were not already prompt sources, numbered after them. */
  readonly sources: NumberedSource[] = []
  readonly omissions: SourceOmission[] = []
  handoffProposal: { note: string } | null = null
  private readonly byChunk = new Map<string, number>()
  private readonly tools: Map<string, Tool>
  private readonly context: ToolContext

  constructor(
    deps: InferenceDeps,
    asker: Asker,
    promptSources: NumberedSource[],
    signal?: AbortSignal,
    tools: readonly Tool[] = TOOLS,
  ) {
    this.tools = new Map(tools.map((t) => [t.name, t]))
    for (const s of promptSources) this.byChunk.set(s.candidate.chunkId, s.n)
    let next = promptSources.length + 1
    this.context = {
      deps,
      asker,
      signal,
      addSource: (candidate) => {
        const known = this.byChunk.get(candidate.chunkId)
        if (known !== undefined) return known
        const n = next++
        this.byChunk.set(candidate.chunkId, n)
        this.sources.push({ n, candidate })
        return n
      },
      recordOmission: (omission) => {
        if (!this.omissions.some((o) => o.chunkId === omission.chunkId)) this.omissions.push(omission)
      },
      proposeHandoff: (note) => {
        this.handoffProposal = { note }
      },
    }
  }

  /** OpenAI function-tool definitions (what `bindTools` takes). */
  definitions() {
    return [...this.tools.values()].map((t) => ({
      type: 'function' as const,
      function: { name: t.name, description: t.description, parameters: t.parameters },
    }))
  }

  /** Runs one call. Never throws: a bad call is recorded as an error and the model is told what went wrong. */
  async run(call: RequestedToolCall): Promise<ToolReply> {
    const started = performance.now()
    const ms = () => Math.round((performance.now() - started) * 10) / 10
    const tool = this.tools.get(call.name)
    let args: unknown = call.rawArguments
    const fail = (error: string): ToolReply => {
      this.calls.push({ id: call.id, name: call.name, arguments: args, status: 'error', error, ms: ms() })
      return { content: JSON.stringify({ error }), failed: true }
    }
    if (!tool) return fail(`unknown tool "${call.name}"; available: ${[...this.tools.keys()].join(', ')}`)
    try {
      args = call.rawArguments.trim() === '' ? {} : JSON.parse(call.rawArguments)
    } catch {
      return fail('the arguments are not valid JSON')
    }
    try {
      const { status, result } = await tool.execute(this.context, args)
      this.calls.push({ id: call.id, name: call.name, arguments: args, status, result, ms: ms() })
      return { content: JSON.stringify(result), failed: false }
    } catch (error) {
      if (this.context.signal?.aborted) throw error
      const expected =
        error instanceof ToolArgumentError ||
        error instanceof ToolResultError ||
        error instanceof DateInputError
      // Unexpected failures are not described to the model beyond their first line (no stacks, no SQL).
      return fail(expected ? errorMessage(error) : `the tool failed: ${firstLine(errorMessage(error))}`)
    }
  }

  /** A call the pipeline would not run (over the per-round limit): recorded, and the model is told. */
  reject(call: RequestedToolCall, reason: string): ToolReply {
    this.calls.push({
      id: call.id,
      name: call.name,
      arguments: call.rawArguments,
      status: 'rejected',
      error: reason,
      ms: 0,
    })
    return { content: JSON.stringify({ error: reason }), failed: true }
  }
}

const firstLine = (text: string) => text.split('\n')[0]?.trim() ?? ''
