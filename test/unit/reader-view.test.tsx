import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { ReaderView } from '../../src/ui/components/ReaderView';
import { readerHref, readerParams, safeWebUrl } from '../../src/ui/format';
import { LocaleProvider } from '../../src/ui/i18n';
import { EVIL, article, dom, inLocale, locale, textOf } from './view-helpers';

const reader = (lang: 'en' | 'sv', sentence: number | null, a: Parameters<typeof ReaderView>[0]['article'] = article) =>
  dom(inLocale(lang, <ReaderView article={a} sentence={sentence} />));

describe('ReaderView', () => {
  it('lays the article out with every sentence addressable and the cited one marked', () => {
    const doc = reader('en', 2);
    const root = doc.querySelector('[data-testid="reader"]')!;
    expect(root.getAttribute('lang')).toBe('sv');
    expect(textOf(doc.querySelector('h1'))).toBe('LeCun lämnar Meta');
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(doc.querySelector('.nc-article-body')!.getAttribute('lang')).toBe('sv');
    expect([...doc.querySelectorAll('.nc-article-body p')].map((p) => p.querySelectorAll('span[id^="s-"]').length)).toEqual([2, 2]);
    expect(textOf(doc.querySelector('#s-1'))).toBe('Det meddelade han på tisdagen.');
    const marks = doc.querySelectorAll('mark[data-testid="cited"]');
    expect(marks).toHaveLength(1);
    const mark = marks[0]!;
    expect(mark.getAttribute('data-sentence')).toBe('2');
    expect(mark.parentElement!.id).toBe('s-2');
    expect(mark.getAttribute('tabindex')).toBe('-1');
    expect(textOf(doc.querySelector(`#${mark.getAttribute('aria-describedby')!}`))).toBe('Cited sentence');
    // Outlet, byline, date and language in the UI's language; the entities as chips.
    const meta = doc.querySelector('.nc-article-head .nc-meta')!;
    expect(meta.getAttribute('lang')).toBe('en');
    expect(textOf(meta)).toBe('Anna Andersson Nov 12, 2025 Swedish');
    expect(textOf(doc.querySelector('.nc-kicker'))).toBe('Dagens Nyheter');
    expect([...doc.querySelectorAll('.nc-chip')].map(textOf)).toEqual(['Yann LeCun', 'Meta', 'FAIR']);
    expect(doc.querySelector('.nc-article-foot a')!.getAttribute('href')).toBe('https://www.dn.se/lecun');
    expect(doc.querySelector('.nc-reader-jump')!.getAttribute('href')).toBe('#s-2');
  });

  it('speaks Swedish around the article', () => {
    const doc = reader('sv', 0);
    expect(textOf(doc.querySelector('.nc-article-head .nc-meta'))).toBe('Anna Andersson 12 nov. 2025 svenska');
    expect(textOf(doc.querySelector('#nc-cited-desc'))).toBe('Citerad mening');
    expect(doc.querySelector('mark')!.getAttribute('data-sentence')).toBe('0');
  });

  it('marks nothing without a sentence, and says so when the cited sentence is missing', () => {
    expect(reader('en', null).querySelector('mark')).toBeNull();
    expect(reader('en', null).querySelector('.nc-reader-note')).toBeNull();
    const missing = reader('en', 99);
    expect(missing.querySelector('mark')).toBeNull();
    expect(textOf(missing.querySelector('.nc-reader-note'))).toBe('The cited sentence is not in this version of the article.');
  });

  it('has a loading and a not-found state', () => {
    expect(textOf(dom(inLocale('en', <ReaderView article={undefined} sentence={1} />)))).toContain('Loading…');
    const missing = reader('sv', 1, null);
    expect(textOf(missing.querySelector('[data-testid="reader-not-found"]'))).toContain('Artikeln hittades inte');
    expect(missing.querySelector('[data-testid="reader"]')).not.toBeNull();
  });

  it('escapes the text and links only web addresses', () => {
    const html = inLocale(
      'en',
      <ReaderView article={{ ...article, title: EVIL, byline: EVIL, url: 'javascript:alert(1)' }} sentence={2} />,
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;script>alert(2)&lt;/script>');
  });

  it('scrolls the cited sentence to the middle of the view and focuses it, once rendered', async () => {
    const { window, document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    const calls: string[] = [];
    const proto = window.HTMLElement.prototype as unknown as Record<string, unknown>;
    proto.scrollIntoView = function (this: Element, options: unknown) {
      calls.push(`scroll ${this.tagName.toLowerCase()}#${this.getAttribute('data-sentence')} ${JSON.stringify(options)}`);
    };
    proto.focus = function (this: Element, options: unknown) {
      calls.push(`focus ${this.tagName.toLowerCase()}#${this.getAttribute('data-sentence')} ${JSON.stringify(options)}`);
    };
    const root = document.getElementById('root') as unknown as Element;
    await act(() =>
      render(
        <LocaleProvider locale={locale('en')}>
          <ReaderView article={article} sentence={3} />
        </LocaleProvider>,
        root,
      ),
    );
    expect(calls).toEqual(['scroll mark#3 {"block":"center"}', 'focus mark#3 {"preventScroll":true}']);
    render(null, root);
  });
});

describe('reader links', () => {
  it('are relative to any extension page and carry the article and sentence', () => {
    expect(readerHref('sv-1', 4)).toBe('../reader/index.html?article=sv-1&sentence=4');
    expect(readerHref('sv-1')).toBe('../reader/index.html?article=sv-1');
    expect(readerHref('a b&c=d', 0)).toBe('../reader/index.html?article=a+b%26c%3Dd&sentence=0');
    expect(readerHref('x', -1)).toBe('../reader/index.html?article=x');
  });

  it('read back what they wrote, and nothing else', () => {
    expect(readerParams(new URL(readerHref('a b&c=d', 12), 'chrome-extension://x/src/ui/sidepanel/index.html').search)).toEqual({
      articleId: 'a b&c=d',
      sentence: 12,
    });
    expect(readerParams('?article=a&sentence=-1')).toEqual({ articleId: 'a', sentence: null });
    expect(readerParams('?sentence=2')).toEqual({ articleId: null, sentence: 2 });
    expect(readerParams('?article=&sentence=x')).toEqual({ articleId: null, sentence: null });
  });

  it('link out only to web pages', () => {
    expect(safeWebUrl('https://dn.se/a')).toBe('https://dn.se/a');
    expect(safeWebUrl('javascript:alert(1)')).toBeNull();
    expect(safeWebUrl('data:text/html,x')).toBeNull();
    expect(safeWebUrl('not a url')).toBeNull();
    expect(safeWebUrl(null)).toBeNull();
  });
});
