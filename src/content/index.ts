/**
 * Content script entry (top frame of http/https pages, at document_idle): summarise the page and
 * report it to the background, which writes the tab's analysis. Kept small: it costs every page load.
 */
import { summarisePage } from '../page/collect';
import { send } from '../platform/messaging';

async function main(): Promise<void> {
  const page = summarisePage(document, location.href);
  const res = await send({ type: 'content:page-analysed', page });
  // An invalidated extension context (update, reload) answers "unavailable": stay quiet then.
  if (!res.ok && res.error.code !== 'unavailable') console.warn('[news-context]', res.error.message);
}

void main();
