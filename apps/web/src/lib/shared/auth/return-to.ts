/** Only same-site paths: an open redirect after sign-in would be a phishing aid. */
export function safeReturnTo(value: string | undefined | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/'
  return value
}
