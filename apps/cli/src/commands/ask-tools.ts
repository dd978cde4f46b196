import { printLine } from '../lib/output'

/** Tool calls as one line each, and a handoff proposal (the CLI never sends one: that needs the web's confirm). */
export function printToolCalls(
  calls: { name: string; status: string; summary: string }[],
  handoffProposal?: { note: string },
): void {
  if (calls.length === 0 && !handoffProposal) return
  printLine()
  for (const call of calls) printLine(`(tool ${call.name}, ${call.status}: ${call.summary})`)
  if (handoffProposal) printLine(`(proposed handoff to a person, not sent: “${handoffProposal.note}”)`)
}
