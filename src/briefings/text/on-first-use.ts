// Heavy packages the CLI's `search` and a bot restart never touch (an HTML parser, a YAML parser) are loaded
// the first time a page or a front matter is read, not when the core is imported: they cost more at start
// than the whole of a search (issue 13).

/** `load()` once, on the first call; its value after that. */
export function onFirstUse<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}
