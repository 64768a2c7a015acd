/**
 * The background timeline: the story's dated events by year and month, each with an honest date
 * label ("summer 2025", "late October 2025", "2013") and its cited sentence, the page's own place
 * among them ("You are here"), and a filter by the entities the events mention.
 */
import { useState } from 'preact/hooks';
import type { EntityRef, Timeline, TimelineEvent } from '../../core/context';
import { groupTimeline } from '../../core/context';
import { formatTemporal } from '../../core/dates/labels';
import { compareTemporal } from '../../core/dates/period';
import type { TemporalValue } from '../../core/dates/types';
import { formatNumber, monthName } from '../format';
import { useLocale } from '../i18n';
import { CiteLink } from './common';

type Row = { kind: 'event'; event: TimelineEvent } | { kind: 'here'; date: string; title: string };
export interface TimelineGroup {
  year: number;
  months: { month: number | null; rows: Row[] }[];
}

/** The entities the events mention, most frequent first (then by name), with their event counts. */
export function timelineEntities(events: readonly TimelineEvent[]): { entity: EntityRef; count: number }[] {
  const counts = new Map<string, { entity: EntityRef; count: number }>();
  for (const e of events)
    for (const ref of e.entities) {
      const c = counts.get(ref.id);
      if (c) c.count += 1;
      else counts.set(ref.id, { entity: ref, count: 1 });
    }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.entity.name.localeCompare(b.entity.name));
}

/**
 * Groups the events (in date order) by year and month and puts the page's own date among them:
 * in its month, after the events that start on or before that day and before those that start
 * later ("late November" starts on the 21st).
 */
export function placeTimeline(events: readonly TimelineEvent[], here: Timeline['here']): TimelineGroup[] {
  const groups: TimelineGroup[] = groupTimeline(events).map((y) => ({
    year: y.year,
    months: y.months.map((m) => ({ month: m.month, rows: m.events.map((event): Row => ({ kind: 'event', event })) })),
  }));
  const m = here ? /^(\d{4})(?:-(\d{2}))?/.exec(here.date) : null;
  if (!here || !m) return groups;
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  let y = groups.find((g) => g.year === year);
  if (!y) {
    y = { year, months: [] };
    groups.push(y);
    groups.sort((a, b) => a.year - b.year);
  }
  let g = y.months.find((x) => x.month === month);
  if (!g) {
    g = { month, rows: [] };
    y.months.push(g);
    y.months.sort((a, b) => (a.month ?? 0) - (b.month ?? 0));
  }
  const page: TemporalValue = { date: here.date, precision: 'day' };
  const at = g.rows.findIndex((r) => r.kind === 'event' && compareTemporal(r.event, page) > 0);
  g.rows.splice(at === -1 ? g.rows.length : at, 0, { kind: 'here', date: here.date, title: here.title });
  return groups;
}

export interface TimelineProps {
  timeline: Timeline;
  /** The language of the page, for the title at the "You are here" marker. */
  pageLang: string;
}

export function TimelineView({ timeline, pageLang }: TimelineProps) {
  const locale = useLocale();
  const { t, lang } = locale;
  // The entity itself, not just its id: its name is still there to say "no event mentions X" if the events change.
  const [filter, setFilter] = useState<EntityRef | null>(null);
  const entities = timelineEntities(timeline.events);
  const shown = filter === null ? timeline.events : timeline.events.filter((e) => e.entities.some((x) => x.id === filter.id));
  const groups = placeTimeline(shown, timeline.here);
  const total = formatNumber(timeline.events.length, lang);
  const status =
    filter === null ? t('timelineCountAll', total) : t('timelineCountFiltered', [filter.name, formatNumber(shown.length, lang), total]);

  if (timeline.events.length === 0 && !timeline.here) return <p class="nc-empty">{t('timelineEmpty')}</p>;
  return (
    <div class="nc-timeline-wrap">
      {entities.length > 0 ? (
        <div class="nc-filters" role="group" aria-label={t('timelineFilterLabel')}>
          <button
            type="button"
            class="nc-filter"
            data-testid="timeline-filter"
            data-entity=""
            aria-pressed={filter === null}
            onClick={() => setFilter(null)}
          >
            {t('timelineFilterAll')}
          </button>
          {entities.map(({ entity, count }) => (
            <button
              key={entity.id}
              type="button"
              class="nc-filter"
              data-testid="timeline-filter"
              data-entity={entity.id}
              aria-pressed={filter?.id === entity.id}
              onClick={() => setFilter(filter?.id === entity.id ? null : entity)}
            >
              {entity.name} <span class="nc-filter-n">{formatNumber(count, lang)}</span>
            </button>
          ))}
        </div>
      ) : null}
      <p class="nc-hint nc-tl-status" role="status" aria-live="polite" data-testid="timeline-status">
        {status}
      </p>
      <p class="nc-tl-legend" aria-hidden="true">
        <span class="nc-tl-key nc-tl-key-day" /> {t('timelineLegendExact')}
        <span class="nc-tl-key nc-tl-key-approx" /> {t('timelineLegendApprox')}
        {timeline.events.some((e) => e.news) ? (
          <>
            <span class="nc-tl-key nc-tl-key-news" /> {t('timelineLegendNews')}
          </>
        ) : null}
      </p>
      {shown.length === 0 && timeline.events.length > 0 ? (
        <div class="nc-empty nc-tl-empty" data-testid="timeline-empty">
          <p>{t('timelineFilterEmpty', filter?.name ?? '')}</p>
          <button type="button" class="nc-link-button" onClick={() => setFilter(null)}>
            {t('timelineFilterReset')}
          </button>
        </div>
      ) : null}
      <div class="nc-timeline" data-testid="timeline">
        {groups.map((y) => (
          <section class="nc-tl-year" key={y.year} aria-labelledby={`tl-${y.year}`}>
            <h3 class="nc-tl-year-title" id={`tl-${y.year}`}>
              {y.year}
            </h3>
            {y.months.map((g) => (
              <div class="nc-tl-group" key={g.month ?? 'year'}>
                {g.month !== null ? <h4 class="nc-tl-month-title">{monthName(g.month, lang)}</h4> : null}
                <ol class="nc-tl-events">
                  {g.rows.map((r) =>
                    r.kind === 'here' ? (
                      <li key="here" class="nc-tl-here" data-testid="you-are-here" data-date={r.date}>
                        <span class="nc-tl-dot" aria-hidden="true" />
                        <p class="nc-tl-when">
                          <strong>{t('youAreHere')}</strong>{' '}
                          <time dateTime={r.date}>{formatTemporal({ date: r.date, precision: 'day' }, locale)}</time>
                        </p>
                        <p class="nc-tl-here-title" lang={pageLang}>
                          {r.title}
                        </p>
                      </li>
                    ) : (
                      <EventRow key={r.event.id} event={r.event} />
                    ),
                  )}
                </ol>
              </div>
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}

function EventRow({ event: e }: { event: TimelineEvent }) {
  const locale = useLocale();
  const { t, lang } = locale;
  const others = e.sources - 1;
  return (
    <li
      class={`nc-tl-event${e.news ? ' nc-tl-news' : ''}`}
      data-testid="timeline-event"
      data-date={e.date}
      data-precision={e.precision}
      data-kind={e.news ? 'news' : 'background'}
    >
      <span class="nc-tl-dot" aria-hidden="true" />
      <p class="nc-tl-when">
        <time dateTime={e.date}>{formatTemporal(e, locale)}</time>
        {e.news ? ' ' : null}
        {e.news ? (
          <span class="nc-badge nc-badge-news" data-testid="news-event" title={t('newsEventTitle')}>
            {t('newsEvent')}
          </span>
        ) : null}
        {e.fromThisArticle ? ' ' : null}
        {e.fromThisArticle ? (
          <span class="nc-badge" data-testid="from-this-article">
            {t('fromThisArticle')}
          </span>
        ) : null}
      </p>
      <blockquote class="nc-tl-text" lang={e.cite.lang}>
        <p>{e.text}</p>
      </blockquote>
      <p class="nc-tl-source">
        <CiteLink cite={e.cite} testId="event-cite" />
        {others > 0 ? ' ' : null}
        {others > 0 ? (
          <span class="nc-tl-more">{others === 1 ? t('moreSourcesOne') : t('moreSourcesMany', formatNumber(others, lang))}</span>
        ) : null}
      </p>
    </li>
  );
}
