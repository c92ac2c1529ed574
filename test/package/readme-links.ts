// The relative links of a README (markdown `[text](path)` and `![alt](path)`), checked against
// what a directory holds; web links, mail links and in-page anchors are not files.

export function relativeLinks(markdown: string): string[] {
  const targets = [...markdown.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
  return [...new Set(targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#')).map((t) => t.split('#')[0]!))];
}

/** The links whose file `exists` says is missing. */
export function brokenLinks(markdown: string, exists: (path: string) => boolean): string[] {
  return relativeLinks(markdown).filter((path) => !exists(path));
}
