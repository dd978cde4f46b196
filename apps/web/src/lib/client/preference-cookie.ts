/**
 * Remembers a display preference (theme, language) for a year. Set from the browser: it changes nothing on
 * the server but what the next render looks like, so no route (and no CSRF surface) is involved.
 */
export function setPreferenceCookie(name: string, value: string): void {
  // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie; the Cookie Store API is not in every browser
  document.cookie = `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=31536000; SameSite=Lax`
}
