declare module '@mixmark-io/domino' {
  export type X = { a: number }
  export function createDocument(html?: string, force?: boolean): { title: string }
  const domino: { createDocument: typeof createDocument }
  export default domino
}
