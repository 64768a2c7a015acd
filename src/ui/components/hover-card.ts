/**
 * The card shown beside a highlighted entity on a page, built as plain DOM for the card host
 * (src/page/card-host.ts) to put in its closed shadow root. Props only, like the Preact
 * components here, but no Preact: the content script runs on every page load and this card is
 * its only UI, so a UI runtime would be a fifth of its size. Every text, from the page or the
 * corpus, goes in as a Text node (`append(string)`), never as markup. Every quoted text carries
 * its source and date.
 */
import { formatDate } from '../format';

/** A quoted sentence of the corpus and where it comes from. */
export interface CardCitation {
  text: string;
  source: string;
  /** YYYY-MM-DD, or null when the article is undated. */
  published: string | null;
  articleId: string;
  sentence: number;
}

export interface HoverCardProps {
  name: string;
  /** An EntityType ("person", "organization", …). */
  type: string;
  description: CardCitation | null;
  /** Up to three are shown. */
  facts: readonly CardCitation[];
  /** The entity's place in the story: a story title, with the date of its event if known. */
  story: { title: string; date: string | null } | null;
  panelKind: 'side panel' | 'sidebar';
  /** Absent where the panel cannot be opened from a page (Firefox's sidebar): no button then. */
  onOpenPanel?: () => void;
  onClose?: () => void;
}

/** The UI language: the browser's i18n in the content script, a messages.json in tests. */
export interface CardLocale {
  t: (key: string, substitutions?: string | string[]) => string;
  /** BCP 47 tag, for the dates. */
  lang: string;
}

/** "2025-06-12" → "Jun 12, 2025" (en) / "12 juni 2025" (sv), "2025-06" → "June 2025", "2025" → "2025" (see ../format). */
export const formatCardDate = formatDate;

type Child = Node | string | null;

/** An element with attributes and children; strings become Text nodes (never parsed). */
function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string>,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c !== null) e.append(c);
  return e;
}

function button(doc: Document, attrs: Record<string, string>, label: string, onClick: () => void): HTMLButtonElement {
  const b = el(doc, 'button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** The card: a focusable role="dialog" named by its heading and described by its description. */
export function buildHoverCard(props: HoverCardProps, { t, lang }: CardLocale, doc: Document = document): HTMLElement {
  const cite = (c: CardCitation) =>
    el(
      doc,
      'span',
      { class: 'nc-hc-cite' },
      t('cardCitation', [c.source, c.published ? formatCardDate(c.published, lang) : t('dateUnknown')]),
    );
  const facts = props.facts.slice(0, 3);
  const close = t('cardClose');
  const story = props.story;
  return el(
    doc,
    'div',
    {
      class: 'nc-hc',
      role: 'dialog',
      'aria-labelledby': 'nc-hc-name',
      'aria-describedby': 'nc-hc-desc',
      tabindex: '-1',
      'data-testid': 'hover-card',
    },
    el(
      doc,
      'header',
      { class: 'nc-hc-head' },
      el(doc, 'h2', { class: 'nc-hc-name', id: 'nc-hc-name', 'data-testid': 'hc-name' }, props.name),
      el(doc, 'span', { class: 'nc-hc-type' }, t(`type_${props.type}`)),
      props.onClose ? button(doc, { class: 'nc-hc-close', 'aria-label': close, title: close }, '×', props.onClose) : null,
    ),
    el(
      doc,
      'p',
      { class: 'nc-hc-desc', id: 'nc-hc-desc', 'data-testid': 'hc-desc' },
      ...(props.description ? [props.description.text, ' ', cite(props.description)] : [t('cardNoDescription')]),
    ),
    facts.length > 0
      ? el(
          doc,
          'ul',
          { class: 'nc-hc-facts', 'aria-label': t('cardFacts'), 'data-testid': 'hc-facts' },
          ...facts.map((f) => el(doc, 'li', {}, el(doc, 'q', {}, f.text), ' ', cite(f))),
        )
      : null,
    story
      ? el(
          doc,
          'p',
          { class: 'nc-hc-story', 'data-testid': 'hc-story' },
          t('cardInStory', story.date ? t('cardStoryWithDate', [story.title, formatCardDate(story.date, lang)]) : story.title),
        )
      : null,
    props.onOpenPanel
      ? button(
          doc,
          { class: 'nc-hc-open', 'data-testid': 'hc-open-panel' },
          props.panelKind === 'sidebar' ? t('cardOpenSidebar') : t('cardOpenSidePanel'),
          props.onOpenPanel,
        )
      : null,
  );
}

/** The card's stylesheet, for the shadow root (src/page/card-host.ts). Its own colours, light or dark by
 * the reader's preference, never the page's. */
export const HOVER_CARD_CSS = `
.nc-host-box{display:block;overflow:auto;border-radius:10px;box-shadow:0 6px 24px rgba(0,0,0,.28),0 1px 3px rgba(0,0,0,.2)}
.nc-hc{color-scheme:light dark;--fg:light-dark(#1b1d21,#e8eaee);--muted:light-dark(#5b6270,#a3aab6);--line:light-dark(#dde1e8,#3a3f4a);
--accent:light-dark(#1f5fbf,#8ab4f8);--accent-fg:light-dark(#fff,#10131a);
box-sizing:border-box;width:min(360px,calc(100vw - 16px));padding:12px 14px;background:light-dark(#fff,#1f2227);color:var(--fg);
border:1px solid var(--line);border-radius:10px;font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','DejaVu Sans',sans-serif;
text-align:start;letter-spacing:normal;word-spacing:normal;text-transform:none;white-space:normal;overflow-wrap:anywhere}
.nc-hc *{box-sizing:border-box;font:inherit;color:inherit;margin:0}
.nc-hc:focus{outline:none}
.nc-hc:focus-visible,.nc-hc button:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.nc-hc-head{display:flex;align-items:baseline;gap:8px;margin-bottom:6px}
.nc-hc .nc-hc-name{font-size:16px;font-weight:650;line-height:1.25}
.nc-hc .nc-hc-type{font-size:12px;color:var(--muted);border:1px solid var(--line);border-radius:999px;padding:0 7px;white-space:nowrap}
.nc-hc .nc-hc-close{margin-inline-start:auto;border:0;background:none;cursor:pointer;font-size:18px;line-height:1;padding:2px 6px;color:var(--muted);border-radius:6px}
.nc-hc-desc{margin-bottom:8px}
.nc-hc .nc-hc-cite{font-size:12px;color:var(--muted)}
.nc-hc-facts{list-style:none;padding:0;display:flex;flex-direction:column;gap:6px;margin-bottom:8px;border-top:1px solid var(--line);padding-top:8px}
.nc-hc-facts li{font-size:13px}
.nc-hc .nc-hc-story{font-size:13px;color:var(--muted);margin-bottom:10px}
.nc-hc .nc-hc-open{border:0;border-radius:6px;padding:6px 12px;background:var(--accent);color:var(--accent-fg);cursor:pointer;font-weight:600;font-size:13px}
`;
