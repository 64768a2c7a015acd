/**
 * What the two declutter scripts share. Neither is a content script of every page: the background
 * runs walls.js (ad-blocker walls only, small) on every page where declutter is on, and declutter.js
 * (walls and the boilerplate around the article, with the article finder) on article pages. They
 * run in the content scripts' isolated world, once per document: a second run finds the first and
 * asks it to look again, and declutter.js arriving after walls.js takes over its marks.
 *
 * Before touching anything, the script asks the background whether it was run for this very
 * document (the content script's document id, and the sender's URL): a tab that navigated between
 * the report and the injection must not have its next document decluttered.
 */
import type { DeclutterCounts, DeclutterMode } from '../core/messages';
import { type ArticleDeclutter, type PageDeclutter, declutterPage } from '../page/declutter';
import { contextValid, onBackgroundMessage } from '../platform/content';
import { send } from '../platform/messaging';
import { existingDocumentId } from './document-id';

const GLOBAL = '__newsContextDeclutter';
interface Installed {
  mode: DeclutterMode;
  page: PageDeclutter;
  stop: () => void;
}
type Host = typeof globalThis & { [GLOBAL]?: Installed };

/** Starts declutter in `capability` mode ('full' needs `article`, the article finder and the boilerplate rules), if the background confirms this document. */
export async function startDeclutter(capability: DeclutterMode, article?: ArticleDeclutter): Promise<void> {
  const answer = await send({ type: 'content:declutter-check', document: existingDocumentId() });
  // Not run for this document (the tab went elsewhere), declutter off here, or no background: touch nothing.
  if (!answer.ok || answer.value === null) return;
  // What the page needs now: walls only, or walls and the article's boilerplate.
  const wanted = answer.value;
  const host = globalThis as Host;
  const existing = host[GLOBAL];
  if (existing) {
    // walls.js arriving after declutter.js was asked for has nothing to add.
    if (wanted === 'full' && capability === 'walls') return;
    // Run again for this document (a navigation within the page): look again, for an article or not.
    if (wanted === 'walls' || existing.mode === 'full') {
      existing.page.refresh(wanted === 'full');
      return;
    }
    // declutter.js after walls.js (the page became an article): take over its marks.
    existing.stop();
  }
  const mode: DeclutterMode = wanted === 'full' && capability === 'full' ? 'full' : 'walls';

  let lastReport = '';
  const report = (counts: DeclutterCounts) => {
    const key = JSON.stringify(counts);
    if (key === lastReport || !contextValid()) return;
    lastReport = key;
    void send({ type: 'content:declutter-report', declutter: counts, document: existingDocumentId() });
  };
  const page = declutterPage(document, window, {
    onChange: report,
    adopt: existing !== undefined,
    ...(mode === 'full' && article ? { article } : {}),
  });
  const unlisten = onBackgroundMessage((m) => {
    if (m.type === 'background:switches') {
      if (m.declutter) page.apply();
      else page.revert();
    } else if (m.type === 'background:show-everything') page.revert();
    return undefined;
  });
  host[GLOBAL] = {
    mode,
    page,
    stop: () => {
      unlisten();
      page.dispose();
    },
  };
  page.apply();
}
