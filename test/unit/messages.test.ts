import { describe, expect, it } from 'vitest';
import {
  type Handlers,
  MAX_ARTICLE_TEXT,
  checkSender,
  dispatch,
  parseBackgroundMessage,
  parsePageArticleText,
  parseRequest,
} from '../../src/core/messages';

const page = { url: 'https://news.example/a', title: 'T', lang: 'en', langSource: 'detected', words: 10 };
const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };

describe('parseRequest', () => {
  it.each([
    [{ type: 'content:page-analysed', page }, 'content:page-analysed'],
    [{ type: 'ui:get-status' }, 'ui:get-status'],
    [{ type: 'ui:get-settings', site: null }, 'ui:get-settings'],
    [{ type: 'ui:get-settings', site: 'example.org' }, 'ui:get-settings'],
    [{ type: 'ui:set-site-switch', site: 'example.org', feature: 'declutter', value: false }, 'ui:set-site-switch'],
    [{ type: 'ui:set-site-switch', site: 'example.org', feature: 'highlights', value: null }, 'ui:set-site-switch'],
    [{ type: 'ui:set-global-settings', settings: { theme: 'dark', highlights: false } }, 'ui:set-global-settings'],
    [{ type: 'ui:get-tab-context', tabId: 0 }, 'ui:get-tab-context'],
    [{ type: 'ui:get-article', articleId: '000_d35634ae92cf12c4' }, 'ui:get-article'],
    [{ type: 'ui:get-sites' }, 'ui:get-sites'],
  ])('accepts %j', (raw, type) => {
    const r = parseRequest(raw);
    expect(r.ok && r.value.type).toBe(type);
  });

  it.each([
    [null, 'message without a type'],
    ['content:page-analysed', 'message without a type'],
    [{ type: 'nope' }, 'unknown message type "nope"'],
    [{ type: 'content:page-analysed' }, 'page missing'],
    [{ type: 'content:page-analysed', page: { ...page, url: 42 } }, 'page.url invalid'],
    [{ type: 'content:page-analysed', page: { ...page, lang: 'english' } }, 'page.lang invalid'],
    [{ type: 'content:page-analysed', page: { ...page, words: -1 } }, 'page.words invalid'],
    [{ type: 'content:page-analysed', page: { ...page, words: 1.5 } }, 'page.words invalid'],
    [{ type: 'content:page-analysed', page: { ...page, langSource: 'guess' } }, 'page.langSource invalid'],
    [{ type: 'content:page-analysed', page: { ...page, published: '12 Nov 2025' } }, 'page.published invalid'],
    [{ type: 'content:page-analysed', page: { ...page, entities: [{ id: 'meta', count: 0 }] } }, 'page.entities invalid'],
    [
      { type: 'content:page-analysed', page: { ...page, entities: Array.from({ length: 501 }, (_, i) => ({ id: `e${i}`, count: 1 })) } },
      'page.entities invalid',
    ],
    [{ type: 'content:page-analysed', page: { ...page, terms: [{ term: 'x', weight: Number.NaN }] } }, 'page.terms invalid'],
    [{ type: 'ui:set-site-switch', site: 'x', feature: 'everything', value: true }, 'feature invalid'],
    [{ type: 'ui:set-site-switch', site: '', feature: 'declutter', value: true }, 'site invalid'],
    [{ type: 'ui:set-site-switch', site: 'x', feature: 'declutter', value: 'yes' }, 'value invalid'],
    [{ type: 'ui:set-global-settings', settings: { theme: 'pink' } }, 'setting theme invalid'],
    [{ type: 'ui:set-global-settings', settings: { __proto__: 1, admin: true } }, 'setting admin invalid'],
    [{ type: 'content:page-analysed', page: { ...page, isArticle: 'yes' } }, 'page.isArticle invalid'],
    [{ type: 'content:page-analysed', page: { ...page, isArticle: null } }, 'page.isArticle invalid'],
    [{ type: 'ui:get-tab-context' }, 'tabId invalid'],
    [{ type: 'ui:get-tab-context', tabId: '3' }, 'tabId invalid'],
    [{ type: 'ui:get-tab-context', tabId: -1 }, 'tabId invalid'],
    [{ type: 'ui:get-tab-context', tabId: 1.5 }, 'tabId invalid'],
    [{ type: 'ui:get-article', articleId: '' }, 'articleId invalid'],
    [{ type: 'ui:get-article', articleId: 7 }, 'articleId invalid'],
    [{ type: 'ui:get-article', articleId: 'x'.repeat(201) }, 'articleId invalid'],
  ])('rejects %j', (raw, message) => {
    expect(parseRequest(raw)).toEqual({ ok: false, error: { code: 'bad-request', message } });
  });

  it('fills the optional page fields and copies entity counts and terms', () => {
    const r = parseRequest({
      type: 'content:page-analysed',
      page: { ...page, published: '2025-11-12', entities: [{ id: 'meta', count: 2, name: 'x' }], terms: [{ term: 'ai', weight: 3 }] },
    });
    expect(r.ok && r.value.type === 'content:page-analysed' && r.value.page).toMatchObject({
      published: '2025-11-12',
      entities: [{ id: 'meta', count: 2 }],
      terms: [{ term: 'ai', weight: 3 }],
    });
    const bare = parseRequest({ type: 'content:page-analysed', page });
    expect(bare.ok && bare.value.type === 'content:page-analysed' && bare.value.page).toMatchObject({
      published: null,
      isArticle: false,
      entities: [],
      terms: [],
    });
    const article = parseRequest({ type: 'content:page-analysed', page: { ...page, isArticle: true } });
    expect(article.ok && article.value.type === 'content:page-analysed' && article.value.page.isArticle).toBe(true);
  });

  it('copies only known fields and caps the title', () => {
    const r = parseRequest({ type: 'content:page-analysed', page: { ...page, title: 'x'.repeat(5000), extra: '<script>' } });
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.type !== 'content:page-analysed') return;
    expect(r.value.page.title).toHaveLength(1000);
    expect(r.value.page).not.toHaveProperty('extra');
  });
});

describe('checkSender', () => {
  const tab = { id: 'ext-id', url: 'https://news.example/a', tabId: 7, frameId: 0 };
  it('lets a top-frame content script on a web page report its page', () => {
    expect(checkSender('content:page-analysed', tab, self)).toEqual({ ok: true, value: { tabId: 7 } });
  });
  it.each([
    [{ ...tab, id: 'other' }, 'message from another extension'],
    [{ ...tab, tabId: undefined }, 'content:page-analysed must come from a tab'],
    [{ ...tab, frameId: 3 }, 'content:page-analysed must come from a top frame'],
    [{ ...tab, url: 'file:///etc/passwd' }, 'content:page-analysed must come from a web page'],
    [{ ...tab, url: self.origin + 'src/ui/popup/index.html' }, 'content:page-analysed must come from a web page'],
  ])('refuses a page report from %j', (sender, message) => {
    expect(checkSender('content:page-analysed', sender, self)).toEqual({ ok: false, error: { code: 'forbidden', message } });
  });
  it('accepts ui: messages only from our own pages', () => {
    expect(checkSender('ui:set-site-switch', { id: 'ext-id', url: `${self.origin}src/ui/popup/index.html` }, self).ok).toBe(true);
    expect(checkSender('ui:set-site-switch', tab, self)).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'ui:set-site-switch must come from an extension page' },
    });
  });
});

describe('dispatch', () => {
  const calls: string[] = [];
  const partial: Partial<Handlers> = {
    'content:page-analysed': async ({ page: p }, ctx) => {
      calls.push(`${p.title}@${ctx.tabId}`);
      return Promise.resolve({ url: ctx.url } as never);
    },
    'ui:get-status': async () => Promise.reject(new Error('disk on fire')),
  };
  const handlers = partial as Handlers;

  it('routes a valid message from an allowed sender to its handler', async () => {
    const r = await dispatch(
      handlers,
      { type: 'content:page-analysed', page },
      { id: 'ext-id', url: page.url, tabId: 3, frameId: 0 },
      self,
    );
    expect(r).toEqual({ ok: true, value: { url: page.url } });
    expect(calls).toEqual(['T@3']);
  });
  it('never runs a handler for a forbidden sender', async () => {
    const r = await dispatch(
      handlers,
      { type: 'content:page-analysed', page },
      { id: 'ext-id', url: page.url, tabId: 3, frameId: 1 },
      self,
    );
    expect(r.ok).toBe(false);
    expect(calls).toHaveLength(1);
  });
  it('turns a thrown handler error into an internal failure', async () => {
    const r = await dispatch(handlers, { type: 'ui:get-status' }, { id: 'ext-id', url: `${self.origin}x.html` }, self);
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: 'disk on fire' } });
  });
});

describe('parseBackgroundMessage', () => {
  it('accepts the switches message and nothing else', () => {
    expect(parseBackgroundMessage({ type: 'background:switches', highlights: false, declutter: true, extra: 1 })).toEqual({
      type: 'background:switches',
      highlights: false,
      declutter: true,
    });
    expect(parseBackgroundMessage({ type: 'background:switches', highlights: 'no', declutter: true })).toBeNull();
    expect(parseBackgroundMessage({ type: 'content:page-analysed' })).toBeNull();
    expect(parseBackgroundMessage(null)).toBeNull();
  });

  it('accepts the request for the page’s article text', () => {
    expect(parseBackgroundMessage({ type: 'background:get-article-text', extra: 1 })).toEqual({ type: 'background:get-article-text' });
    expect(parseBackgroundMessage({ type: 'background:get-article' })).toBeNull();
    expect(parseBackgroundMessage([{ type: 'background:get-article-text' }])).toBeNull();
  });
});

describe('parsePageArticleText', () => {
  it('takes title, language and text, and bounds them', () => {
    expect(parsePageArticleText({ title: 'T', lang: 'sv', text: 'Hej.', extra: '<b>' })).toEqual({ title: 'T', lang: 'sv', text: 'Hej.' });
    const long = parsePageArticleText({ title: 't'.repeat(5000), lang: 'en', text: 'x'.repeat(MAX_ARTICLE_TEXT + 10) });
    expect(long?.title).toHaveLength(1000);
    expect(long?.text).toHaveLength(MAX_ARTICLE_TEXT);
    expect(MAX_ARTICLE_TEXT).toBe(20_000);
    expect(parsePageArticleText({ title: 'T', lang: 'English', text: '' })).toEqual({ title: 'T', lang: 'und', text: '' });
  });

  it.each([
    [null],
    [undefined],
    ['text'],
    [{ title: 'T', lang: 'en' }],
    [{ title: 1, lang: 'en', text: '' }],
    [{ title: 'T', lang: 5, text: '' }],
  ])('refuses %j', (raw) => {
    expect(parsePageArticleText(raw)).toBeNull();
  });
});
