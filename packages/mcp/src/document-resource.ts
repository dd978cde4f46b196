import { type Database, readableDocumentText } from '@policydesk/db'
import { omitUntrustedSentences } from '@policydesk/inference'

/**
 * A readable document's current text for an MCP client: its stored passages stitched back in reading order
 * (they overlap a little) under its title, with sentences addressed to an AI omitted as in prompts. Null
 * when the caller's groups may not read it — the same rule and query as the web's document view.
 */
export async function readableDocumentMarkdown(
  db: Database,
  input: { documentId: string; groupIds: string[] },
): Promise<{ title: string; versionNo: number; text: string } | null> {
  const document = await readableDocumentText(db, input)
  if (!document) return null
  let text = ''
  let end = 0
  for (const passage of document.passages) {
    if (passage.charEnd <= end) continue
    text += passage.text.slice(Math.max(0, end - passage.charStart))
    end = passage.charEnd
  }
  return {
    title: document.title,
    versionNo: document.versionNo,
    text: `# ${document.title} (version ${document.versionNo})\n\n${omitUntrustedSentences(text).text}`,
  }
}
