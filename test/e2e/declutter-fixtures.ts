/** The declutter fixtures both browsers' suites check, and what the reader sees on a page. */

/** A wall fixture: a sentence of its appeal and one of its article. */
export const WALL_PAGES: { name: string; appeal: string; paragraph: string; scrollTo?: number }[] = [
  { name: 'wall-modal-en', appeal: 'Please disable your ad blocker', paragraph: 'opened its doors again on Monday morning' },
  { name: 'wall-bait-de', appeal: 'Bitte deaktivieren Sie Ihren Werbeblocker', paragraph: 'senken zum ersten Juli' },
  { name: 'wall-fc-sv', appeal: 'Det verkar som att du använder en annonsblockerare', paragraph: 'var tionde minut' },
  { name: 'wall-piano-fr', appeal: 'Vous utilisez un bloqueur de publicité', paragraph: 'la halle du marché de Belleroche a rouvert' },
  {
    name: 'wall-blur-es',
    appeal: 'Hemos detectado un bloqueador de anuncios',
    paragraph: 'inauguró el lunes el primer carril bici',
    scrollTo: 800,
  },
];

/** What the reader can see and do, read in the page. */
export const READER_VIEW = `(() => {
  const before = document.scrollingElement.scrollTop;
  window.scrollBy(0, 300);
  const scrolled = document.scrollingElement.scrollTop > before;
  window.scrollTo(0, before);
  return { text: document.documentElement.innerText, scrolled, marked: document.querySelectorAll('[data-nc-declutter]').length };
})()`;

export interface ReaderView {
  text: string;
  scrolled: boolean;
  marked: number;
}
