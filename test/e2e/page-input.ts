/**
 * Input a page makes up (untrusted events), for the suites that check that only the reader's own
 * input drives our UI (highlight.e2e.ts, hostile.e2e.ts). Run in the page through either driver:
 * the function is sent as its source, so it uses nothing outside itself.
 */

/** The page's own pointer move and click at (x, y), and Alt+Shift+. and Alt+Shift+, on window, document and the element there. */
export function dispatchUntrustedInput({ x, y }: { x: number; y: number }): void {
  const target = document.elementFromPoint(x, y);
  if (!target) throw new Error(`nothing at ${x},${y} (scrollY ${scrollY}, view ${innerWidth}×${innerHeight})`);
  const at = { bubbles: true, composed: true, clientX: x, clientY: y };
  target.dispatchEvent(new PointerEvent('pointermove', { ...at, pointerType: 'mouse' }));
  target.dispatchEvent(new MouseEvent('click', { ...at, button: 0 }));
  for (const [code, key] of [
    ['Period', '.'],
    ['Comma', ','],
  ] as const)
    for (const t of [window, document, target])
      t.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, altKey: true, shiftKey: true, code, key }));
}
