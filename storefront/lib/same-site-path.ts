/** Only same-site paths: "/checkout" yes, "//evil.example" or "https://…" no, so `next` is never an open redirect. */
export function isSameSitePath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")
}
