/**
 * The names a page has named so far: the fullest form seen of each entity, bounded. The matcher
 * reads them before a page's next chunk, so that a later "LeCun" still follows "Yann LeCun" of an
 * earlier one. The background keeps them per document (background/scanner.ts); the page keeps
 * them too and sends them with each chunk, for a background that forgot its document (a stopped
 * service worker starts empty).
 */

/** Characters of names kept per page, a line break after each (the context put in front of each chunk). */
export const MAX_SEEN_CHARS = 4000;

export class SeenNames {
  readonly #forms = new Map<string, string>();
  #chars = 0;

  /** Keeps `text` as the form of `id` when it is longer than the one kept, within {@link MAX_SEEN_CHARS}. */
  add(id: string, text: string): void {
    const before = this.#forms.get(id);
    if ((before?.length ?? 0) >= text.length) return;
    const grown = this.#chars - (before === undefined ? 0 : before.length + 1) + text.length + 1;
    if (grown > MAX_SEEN_CHARS) return;
    this.#forms.set(id, text);
    this.#chars = grown;
  }

  /** The forms kept, one per line: at most {@link MAX_SEEN_CHARS} characters. */
  context(): string {
    return [...this.#forms.values()].join('\n');
  }

  get chars(): number {
    return this.#chars;
  }

  clear(): void {
    this.#forms.clear();
    this.#chars = 0;
  }
}
