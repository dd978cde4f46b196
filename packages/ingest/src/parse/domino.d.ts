/**
 * The slice of @mixmark-io/domino (the DOM turndown itself uses) that html.ts needs. The package ships
 * a `declare module 'domino'` that relies on the browser DOM lib, which this Node-only tsconfig does not
 * load, so we describe the few members we touch here instead.
 */
declare module '@mixmark-io/domino' {
  export interface DominoNode {
    readonly nodeType: number
    readonly nodeName: string
    readonly childNodes: ArrayLike<DominoNode>
    readonly parentNode: DominoNode | null
    readonly textContent: string | null
  }

  // domino returns undefined (not null) from querySelector/closest when nothing matches; test truthiness.
  export interface DominoElement extends DominoNode {
    readonly tagName: string
    getAttribute(name: string): string | null
    hasAttribute(name: string): boolean
    querySelector(selector: string): DominoElement | null | undefined
    querySelectorAll(selector: string): ArrayLike<DominoElement>
    closest(selector: string): DominoElement | null | undefined
    remove(): void
  }

  export interface DominoDocument {
    readonly title: string
    readonly body: DominoElement | null
    readonly documentElement: DominoElement | null
    querySelector(selector: string): DominoElement | null | undefined
    querySelectorAll(selector: string): ArrayLike<DominoElement>
  }

  const domino: {
    /** Without `force`, an empty string yields a different (not parsed) document. */
    createDocument(html?: string, force?: boolean): DominoDocument
  }
  export default domino
}
