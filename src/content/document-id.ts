/**
 * This document's id for the background: a random id the content script draws once per document
 * (a reload of the same URL is another document). It is kept on the isolated world's global, which
 * the declutter scripts share with the content script (the page's own scripts cannot see it), so
 * that a declutter script can prove to the background which document it landed in.
 */
const GLOBAL = '__newsContextDocument';
type Host = typeof globalThis & { [GLOBAL]?: string };

/** The id of this document: drawn on the first call (by the content script), the same afterwards. */
export function ownDocumentId(): string {
  const host = globalThis as Host;
  host[GLOBAL] ??= `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  return host[GLOBAL];
}

/** The id the content script drew for this document, or null when it has not run here (yet). */
export function existingDocumentId(): string | null {
  return (globalThis as Host)[GLOBAL] ?? null;
}
