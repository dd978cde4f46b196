/**
 * A minimal OpenAI-compatible chat server for fault tests: it quotes the first sentence of the prompt's
 * first source with its [1] citation, streamed word by word. For a question containing "(hold)" it sends
 * the first word and then waits until the test calls `release()`: the answer is provably mid-generation
 * while the test breaks something.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type GatedLlm = { url: string; release: () => void; close: () => Promise<void> }

export async function startGatedLlm(): Promise<GatedLlm> {
  let release: () => void = () => {}
  let gate = new Promise<void>((resolve) => {
    release = resolve
  })
  const server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (d: Buffer) => {
      raw += d.toString()
    })
    req.on('end', async () => {
      const body = JSON.parse(raw || '{}') as { messages?: { role: string; content: string }[] }
      const prompt = (body.messages ?? []).map((m) => m.content).join('\n')
      const source = /<source n="1"[^>]*>\s*([^<]*?[.!?])/.exec(prompt)?.[1] ?? 'No source.'
      const words = `${source.replace(/\s+/g, ' ').trim()} [1]`.split(/(?<= )/)
      res.writeHead(200, { 'content-type': 'text/event-stream' })
      const send = (delta: Record<string, unknown>, finish: string | null = null) =>
        res.write(
          `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 0, model: 'gated', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
        )
      send({ role: 'assistant', content: '' })
      for (const [i, word] of words.entries()) {
        send({ content: word })
        if (i === 0 && prompt.includes('(hold)')) await gate
      }
      send({}, 'stop')
      res.end('data: [DONE]\n\n')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/v1`,
    release: () => {
      release()
      gate = new Promise<void>((resolve) => {
        release = resolve
      })
    },
    close: () =>
      new Promise((resolve) => {
        release()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
