/**
 * The declutter script. Not a content script of every page: the background runs it (scripting.
 * executeScript) in the top frame of article pages where declutter is on, so other pages never
 * pay for the article finder it carries. It runs in the content scripts' isolated world, once per
 * document (a second injection finds the first and leaves it be), and from then on follows the
 * site's switch and the popup's "Show everything" through messages.
 */
import type { DeclutterCounts } from '../core/messages';
import { type PageDeclutter, declutterPage } from '../page/declutter';
import { contextValid, onBackgroundMessage } from '../platform/content';
import { send } from '../platform/messaging';

const GLOBAL = '__newsContextDeclutter';
type Host = typeof globalThis & { [GLOBAL]?: PageDeclutter };

function main(): void {
  const host = globalThis as Host;
  if (host[GLOBAL]) return;
  let lastReport = '';
  const report = (counts: DeclutterCounts) => {
    const key = JSON.stringify(counts);
    if (key === lastReport || !contextValid()) return;
    lastReport = key;
    void send({ type: 'content:declutter-report', declutter: counts });
  };
  const page = declutterPage(document, window, { onChange: report });
  host[GLOBAL] = page;
  onBackgroundMessage((m) => {
    if (m.type === 'background:switches') {
      if (m.declutter) page.apply();
      else page.revert();
    } else if (m.type === 'background:show-everything') page.revert();
    return undefined;
  });
  page.apply();
}

main();
