/**
 * The card shown beside a highlighted entity on a page (rendered by src/page/card-host.ts into a
 * closed shadow root). Props only; every quoted text carries its source and date.
 */
import { formatDate } from '../format';
import { useLocale } from '../i18n';

/** A quoted sentence of the corpus and where it comes from. */
export interface CardCitation {
  text: string;
  source: string;
  /** YYYY-MM-DD */
  published: string;
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

/** "2025-06-12" → "Jun 12, 2025" (en) / "12 juni 2025" (sv), "2025-06" → "June 2025", "2025" → "2025" (see ../format). */
export const formatCardDate = formatDate;

function Cite({ c }: { c: CardCitation }) {
  const { t, lang } = useLocale();
  return <span class="nc-hc-cite">{t('cardCitation', [c.source, formatCardDate(c.published, lang)])}</span>;
}

export function HoverCard(props: HoverCardProps) {
  const { t, lang } = useLocale();
  const facts = props.facts.slice(0, 3);
  return (
    <div class="nc-hc" role="dialog" aria-labelledby="nc-hc-name" aria-describedby="nc-hc-desc" tabIndex={-1} data-testid="hover-card">
      <header class="nc-hc-head">
        <h2 class="nc-hc-name" id="nc-hc-name" data-testid="hc-name">
          {props.name}
        </h2>
        <span class="nc-hc-type">{t(`type_${props.type}`)}</span>
        {props.onClose ? (
          <button type="button" class="nc-hc-close" aria-label={t('cardClose')} title={t('cardClose')} onClick={props.onClose}>
            ×
          </button>
        ) : null}
      </header>
      <p class="nc-hc-desc" id="nc-hc-desc" data-testid="hc-desc">
        {props.description ? (
          <>
            {props.description.text} <Cite c={props.description} />
          </>
        ) : (
          t('cardNoDescription')
        )}
      </p>
      {facts.length > 0 ? (
        <ul class="nc-hc-facts" aria-label={t('cardFacts')} data-testid="hc-facts">
          {facts.map((f) => (
            <li key={`${f.articleId}:${f.sentence}`}>
              <q>{f.text}</q> <Cite c={f} />
            </li>
          ))}
        </ul>
      ) : null}
      {props.story ? (
        <p class="nc-hc-story" data-testid="hc-story">
          {t(
            'cardInStory',
            props.story.date ? t('cardStoryWithDate', [props.story.title, formatCardDate(props.story.date, lang)]) : props.story.title,
          )}
        </p>
      ) : null}
      {props.onOpenPanel ? (
        <button type="button" class="nc-hc-open" data-testid="hc-open-panel" onClick={props.onOpenPanel}>
          {props.panelKind === 'sidebar' ? t('cardOpenSidebar') : t('cardOpenSidePanel')}
        </button>
      ) : null}
    </div>
  );
}

/** The card's stylesheet, for the shadow root (card-host.ts). Its own colours, light or dark by
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
