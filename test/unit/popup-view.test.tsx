import { describe, expect, it } from 'vitest';
import { PopupView, type PopupProps } from '../../src/ui/components/PopupView';
import { EVIL, analysis, context, dom, inLocale, pageDigestContext, ready, textOf } from './view-helpers';

const noop = () => {};
const popup = (lang: 'en' | 'sv', props: Partial<PopupProps> = {}) =>
  dom(
    inLocale(
      lang,
      <PopupView
        analysis={analysis}
        context={context}
        status={ready}
        panelKind="side panel"
        onSiteSwitch={noop}
        onOpenPanel={noop}
        onShowEverything={noop}
        {...props}
      />,
    ),
  );

describe('PopupView: the digest', () => {
  it('shows the story: title, cited summary and key points, in the story language', () => {
    const doc = popup('en');
    const digest = doc.querySelector('[data-testid="digest"]')!;
    expect(digest.getAttribute('data-kind')).toBe('story');
    expect(textOf(digest.querySelector('h2'))).toBe('Yann LeCun lämnar Meta');
    expect(textOf(digest.querySelector('.nc-digest-summary'))).toBe(
      'Yann LeCun lämnar Meta efter tolv år. Han startar ett eget bolag. <img src=x onerror="alert(1)"><script>alert(2)</script>',
    );
    // Compact: each cited article once, under the text, linked to its first cited sentence.
    expect(textOf(digest.querySelector('.nc-digest-sources'))).toBe('Sources: Dagens Nyheter · Nov 12, 2025, News Journos · Jun 13, 2025');
    expect([...digest.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '../reader/index.html?article=sv-1&sentence=0',
      '../reader/index.html?article=en-1&sentence=2',
    ]);
    expect(textOf(digest.querySelector('[data-testid="key-points"] li'))).toBe('LeCun lämnar Meta.');
    expect(doc.querySelectorAll('[data-testid="key-points"] li')).toHaveLength(3);
    expect(digest.querySelector('.nc-digest-summary')!.getAttribute('lang')).toBe('sv');
    expect(textOf(digest)).not.toContain('this device');
    // The rest of the popup: entities, the site's switches, the way into the panel.
    expect(textOf(doc.querySelector('[data-testid="entities"]'))).toContain('Yann LeCun');
    expect(doc.querySelector('#sw-highlights')!.hasAttribute('checked')).toBe(true);
    expect(doc.querySelector('#sw-declutter')!.hasAttribute('checked')).toBe(false);
    expect(textOf(doc.querySelector('[data-testid="open-panel"]'))).toBe('Open side panel');
    // Compact: no related coverage or timeline here.
    expect(doc.querySelector('[data-testid="timeline"]')).toBeNull();
    expect(doc.querySelector('[data-testid="related-item"]')).toBeNull();
  });

  it('labels an on-device summary of the page clearly, in English and Swedish', () => {
    const en = popup('en', { context: pageDigestContext }).querySelector('[data-testid="digest"]')!;
    expect(en.getAttribute('data-kind')).toBe('page');
    expect(textOf(en)).toContain('This page in brief');
    expect(textOf(en.querySelector('[data-testid="digest-on-device"]'))).toBe(
      "Summarised on this device from the page's own text. No story in the corpus matched, so nothing here is cited.",
    );
    expect(en.querySelector('a')).toBeNull();
    const sv = popup('sv', { context: pageDigestContext }).querySelector('[data-testid="digest"]')!;
    expect(textOf(sv)).toContain('Sidan i korthet');
    expect(textOf(sv.querySelector('[data-testid="digest-on-device"]'))).toContain('Sammanfattad på den här enheten ur sidans egen text.');
    expect(textOf(sv.querySelector('h3'))).toBe('Huvudpunkter');
  });

  it('shows a placeholder while the context loads, and nothing when there is none', () => {
    expect(popup('en', { context: undefined }).querySelector('[data-testid="context-loading"]')).not.toBeNull();
    const none = popup('en', { context: null });
    expect(none.querySelector('[data-testid="digest"]')).toBeNull();
    expect(none.querySelector('[data-testid="context-loading"]')).toBeNull();
    expect(none.querySelector('[data-testid="page-card"]')).not.toBeNull();
  });

  it('says when the page is not an article or nothing on it is known', () => {
    const notArticle = popup('en', { analysis: { ...analysis, isArticle: false } });
    expect(notArticle.querySelector('[data-testid="state-not-article"]')).not.toBeNull();
    expect(notArticle.querySelector('[data-testid="digest"]')).toBeNull();
    expect(textOf(notArticle.querySelector('[data-testid="entities"]'))).toContain('Meta');
    const nothing = popup('sv', { analysis: { ...analysis, entities: [] }, context: pageDigestContext });
    expect(textOf(nothing.querySelector('[data-testid="state-nothing-known"]'))).toContain('Inget på sidan finns i korpusen');
    expect(nothing.querySelector('[data-testid="digest"]')).not.toBeNull();
  });

  it('escapes corpus text in the digest', () => {
    const html = inLocale(
      'en',
      <PopupView
        analysis={analysis}
        context={context}
        status={ready}
        panelKind="sidebar"
        onSiteSwitch={noop}
        onOpenPanel={noop}
        onShowEverything={noop}
      />,
    );
    expect(context.digest!.summary.some((s) => (typeof s === 'string' ? s : s.text).includes(EVIL))).toBe(true);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script>alert(2)&lt;/script>');
  });
});

describe('PopupView: declutter on this page', () => {
  const on = { ...analysis, isArticle: true, site: { ...analysis.site, declutter: true } };
  const state = (a: typeof analysis, lang: 'en' | 'sv' = 'en') => {
    const el = popup(lang, { analysis: a }).querySelector('[data-testid="declutter-status"]');
    return el
      ? { state: el.getAttribute('data-state'), text: textOf(el), button: el.querySelector('[data-testid="show-everything"]') }
      : null;
  };

  it('says what it hides, with one button that shows everything', () => {
    const s = state({ ...on, declutter: { active: true, walls: 1, boilerplate: 12 } });
    expect(s?.state).toBe('hidden');
    expect(s?.text).toContain('1 ad-blocker walls, 12 blocks of clutter');
    expect(textOf(s?.button ?? null)).toBe('Show everything');
    expect(state({ ...on, declutter: { active: true, walls: 0, boilerplate: 3 } }, 'sv')?.text).toContain('Visa allt');
  });

  it('says when there was nothing to hide, and when everything is shown again', () => {
    expect(state({ ...on, declutter: { active: true, walls: 0, boilerplate: 0 } })?.state).toBe('nothing');
    const shown = state({ ...on, declutter: { active: false, walls: 0, boilerplate: 0 } });
    expect(shown?.state).toBe('shown');
    expect(shown?.button).toBeNull();
  });

  it('says nothing where declutter is off, or on a page that is not an article and had no wall', () => {
    expect(state({ ...on, site: { ...on.site, declutter: false } })).toBeNull();
    expect(state({ ...on, isArticle: false })).toBeNull();
  });

  it('on a page that is not an article, speaks of the wall it took away', () => {
    const s = state({ ...on, isArticle: false, declutter: { active: true, walls: 1, boilerplate: 0 } });
    expect(s?.state).toBe('hidden');
    expect(s?.text).toContain('1 ad-blocker walls, 0 blocks of clutter');
  });

  it('says why the clutter stays on a page too large to tidy', () => {
    const reason = (a: typeof analysis, lang: 'en' | 'sv' = 'en') =>
      textOf(popup(lang, { analysis: a }).querySelector('[data-testid="declutter-skipped"]'));
    expect(reason({ ...on, declutter: { active: true, walls: 1, boilerplate: 0, skipped: 'too-big' } })).toContain('too large to tidy');
    expect(reason({ ...on, declutter: { active: true, walls: 0, boilerplate: 0, skipped: 'too-big' } }, 'sv')).toContain('för stor');
    expect(
      popup('en', { analysis: { ...on, declutter: { active: true, walls: 0, boilerplate: 4 } } }).querySelector(
        '[data-testid="declutter-skipped"]',
      ),
    ).toBeNull();
  });
});

describe('PopupView: read-only storage', () => {
  it('shows the notice beside the site switches and disables them', () => {
    const doc = popup('en', { status: { ...ready, readOnly: { reason: 'blocked', detail: 'x' } } });
    const notice = doc.querySelector('#site [data-testid="read-only"]')!;
    expect(textOf(notice)).toContain('An older copy of News Context still has its storage open');
    expect(doc.querySelector('#sw-highlights')!.hasAttribute('disabled')).toBe(true);
    expect(doc.querySelector('#sw-declutter')!.hasAttribute('disabled')).toBe(true);
    expect(popup('en').querySelector('[data-testid="read-only"]')).toBeNull();
  });
});
