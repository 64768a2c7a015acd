/**
 * "Nothing leaves the machine", end to end in Firefox ESR (puppeteer-core over WebDriver BiDi),
 * like privacy.e2e.ts for Chromium: every network request of every extension context (background
 * page, content scripts, popup, sidebar, options and reader pages) is recorded across a browsing
 * session, and the only requests allowed are those of the browsed pages themselves to the test's
 * page server.
 *
 * The recorder is a local HTTP proxy that Firefox is pointed at through prefs
 * (network.proxy.type=1, http and ssl proxy on 127.0.0.1, allow_hijacking_localhost so that even
 * 127.0.0.1 goes through it, no_proxies_on empty). Every HTTP(S) request of every context of the
 * browser goes through it, whoever makes it: plain HTTP as an absolute-URI request, HTTPS and
 * WebSocket as a CONNECT. Requests for the page server are forwarded to it; anything else is
 * recorded and refused (403), so nothing reaches past the machine. Being outside the browser it
 * needs no cooperation from Firefox's internals. BiDi network events were not used: puppeteer
 * reports them per tab, and the extension's background page is no tab (it is reached here only
 * through runtime.getBackgroundPage()), so its requests would go unseen. moz-extension:// loads
 * never touch the network and are not recorded (the extension's own files).
 *
 * A proxy cannot tell who made a request, so Firefox's own background traffic is switched off by
 * prefs (QUIET_PREFS: remote settings, telemetry, captive portal and connectivity checks, push,
 * Normandy, region, safe browsing, prefetch and speculative connections, DoH, ...) and everything
 * recorded from the launch on counts; without QUIET_PREFS Firefox ESR 153 opens about fifteen
 * CONNECTs to firefox.settings.services.mozilla.com in its first seconds, which this suite would
 * report. (Remote settings ignores its server pref on release builds unless
 * MOZ_REMOTE_SETTINGS_DEVTOOLS=1 is in the environment.) Not covered: UDP (WebRTC), which the
 * extension does not use and does not ask permission for.
 *
 * Control: before the session, the background page, an extension page and a content script (run by
 * scripting.executeScript) each fetch a URL of a host that does not exist; all three must be
 * recorded, so the recorder is proven able to fail. Only those control requests are then
 * forgotten.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabAnalysis } from '../../src/core/analysis';
import { EXTENSION_ORIGIN, launchFirefox, openExtensionPage } from './firefox-driver';
import { findAnalysis, requireBrowser, startServer, waitFor } from './harness';

/** The native WebExtension global of extension pages, as far as these tests use it. */
declare const browser: {
  storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
  runtime: { getBackgroundPage(): Promise<Window> };
  scripting: { executeScript(details: { target: { tabId: number }; func: (url: string) => void; args: [string] }): Promise<unknown> };
  sidebarAction: { isOpen(details: object): Promise<boolean> };
  extension: { getViews(filter: { type: 'sidebar' }): Window[] };
};

const firefoxPath = requireBrowser('firefox');

const SESSION = [
  '/demo/000_d35634ae92cf12c4.html',
  '/demo/004_b9dd206ab3ce0339.html',
  '/fixtures/story-en.html',
  '/fixtures/clutter-en.html',
  '/fixtures/wall-modal-en.html',
];

/** Firefox's own traffic, off: what is left on the proxy is what pages and the extension do. */
const QUIET_PREFS: Record<string, unknown> = {
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'dom.push.connection.enabled': false,
  'dom.push.serverURL': '',
  'app.normandy.enabled': false,
  'app.normandy.api_url': '',
  'app.shield.optoutstudies.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.topsites.contile.enabled': false,
  'browser.urlbar.quicksuggest.enabled': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.feeds.snippets': false,
  'extensions.blocklist.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'media.gmp-manager.url': '',
  'geo.provider.network.url': '',
  'identity.fxaccounts.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.http.speculative-parallel-limit': 0,
  'network.trr.mode': 5,
  'security.OCSP.enabled': 0,
};

interface Recorded {
  method: string;
  /** The URL, or host:port for a CONNECT. */
  url: string;
  at: number;
}

/** The recording proxy: forwards requests for `allowedOrigin`, refuses and records everything. */
async function startRecordingProxy(allowedOrigin: string) {
  const recorded: Recorded[] = [];
  const target = new URL(allowedOrigin);
  const proxy = createServer((req, res) => {
    const url = req.url ?? '';
    recorded.push({ method: req.method ?? '?', url, at: Date.now() });
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      /* not an absolute URI: not a proxy request */
    }
    if (parsed?.origin !== target.origin) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('refused by the test proxy');
      return;
    }
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: parsed.pathname + parsed.search, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  proxy.on('connect', (req, socket) => {
    recorded.push({ method: 'CONNECT', url: req.url ?? '', at: Date.now() });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  proxy.on('upgrade', (req, socket) => {
    recorded.push({ method: `UPGRADE ${req.method ?? ''}`, url: req.url ?? '', at: Date.now() });
    socket.destroy();
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    recorded,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}

describe.skipIf(firefoxPath === null)('Firefox: no extension context makes a network request', () => {
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>> | undefined;
  let firefox: Browser | undefined;
  /** The options page, kept open: storage.session, the background page, scripting. */
  let probe: Page;
  const errors: string[] = [];

  const session = () => probe.evaluate(() => browser.storage.session.get(null));
  const analysisOf = (url: string, accept: (a: TabAnalysis) => boolean = () => true) =>
    waitFor(
      async () => findAnalysis(await session(), url),
      (r) => r !== null && accept(r.analysis),
      `the analysis of ${url}`,
    ).then((r) => r!);

  /** A tab whose errors from our code (content script console, uncaught errors) are collected. */
  function watch(page: Page): Page {
    page.on('console', (m) => {
      if (m.type() === 'error' && (m.text().includes('[news-context]') || (m.location().url ?? '').startsWith('moz-extension://')))
        errors.push(`${m.location().url ?? ''}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`uncaught ${e instanceof Error ? e.message : String(e)}`));
    return page;
  }
  const extensionPage = async (path: string) => watch(await openExtensionPage(firefox!, path));

  beforeAll(async () => {
    server = await startServer();
    proxy = await startRecordingProxy(server.origin);
    firefox = await launchFirefox(firefoxPath!, {
      prefs: {
        ...QUIET_PREFS,
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.share_proxy_settings': false,
        'network.proxy.allow_hijacking_localhost': true,
        'network.proxy.no_proxies_on': '',
        'network.proxy.socks_remote_dns': true,
      },
      env: { MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    });
    probe = await extensionPage('src/ui/options/index.html');
    await waitFor(
      () => probe.evaluate(() => browser.storage.session.get(null).then((s) => s['corpus:status'] as { state?: string } | undefined)),
      (s) => s?.state === 'ready',
      'the corpus to load',
    );
  });

  afterAll(async () => {
    const results = await Promise.allSettled([firefox?.close(), proxy?.close(), server?.close()]);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
  });

  it('control: requests of the background page, an extension page and a content script are recorded (the recorder can fail)', async () => {
    // Not watched for errors: the content script's control fetch is refused, and Firefox logs that in the tab.
    const page = await firefox!.newPage();
    const url = `${server!.origin}/fixtures/story-en.html`;
    await page.goto(url);
    const { tabId } = await analysisOf(url);
    const control = {
      background: 'http://background.control.invalid/probe?control=1',
      extensionPage: 'http://extension-page.control.invalid/probe?control=1',
      https: 'https://https.control.invalid/probe?control=1',
      contentScript: 'http://content-script.control.invalid/probe?control=1',
    };
    const attempt = (u: string) =>
      fetch(u).then(
        (r) => `status ${r.status}`,
        (e: unknown) => `failed: ${String(e)}`,
      );
    // The background page's own fetch (called on its window, so the request is the background document's).
    await probe.evaluate(
      (u) =>
        browser.runtime.getBackgroundPage().then((bg) =>
          bg.fetch(u).then(
            () => undefined,
            () => undefined,
          ),
        ),
      control.background,
    );
    await probe.evaluate(attempt, control.extensionPage);
    await probe.evaluate(attempt, control.https);
    await probe.evaluate(
      (id, u) =>
        browser.scripting.executeScript({
          target: { tabId: id },
          func: (v: string) => void fetch(v).catch(() => undefined),
          args: [u],
        }),
      tabId,
      control.contentScript,
    );
    const seen = await waitFor(
      () => Promise.resolve(proxy!.recorded.filter((r) => r.url.includes('.control.invalid'))),
      (rs) => rs.length >= 4,
      'the control requests to be recorded',
    );
    expect(seen.map((r) => `${r.method} ${r.url}`).sort()).toEqual(
      [
        `GET ${control.background}`,
        `GET ${control.extensionPage}`,
        `CONNECT https.control.invalid:443`,
        `GET ${control.contentScript}`,
      ].sort(),
    );
    // Forget the control requests only: anything else recorded since the launch still counts.
    const kept = proxy!.recorded.filter((r) => !r.url.includes('.control.invalid'));
    proxy!.recorded.splice(0, proxy!.recorded.length, ...kept);
    await page.close();
  });

  it('a browsing session with popup, sidebar, options, reader, a hover card and a switch makes no request', async () => {
    const tabs: { page: Page; tabId: number; analysis: TabAnalysis; url: string }[] = [];
    for (const path of SESSION) {
      const url = `${server!.origin}${path}`;
      const page = watch(await firefox!.newPage());
      await page.setViewport({ width: 1000, height: 800 });
      await page.goto(url);
      tabs.push({ page, url, ...(await analysisOf(url)) });
    }

    // Hover a name on the English story page until its card opens.
    const story = tabs.find((t) => t.url.endsWith('/fixtures/story-en.html'))!;
    await story.page.bringToFront();
    const rect = await waitFor(
      () =>
        story.page.evaluate(() => {
          const hl = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights?.get('news-context');
          for (const r of hl ?? []) {
            if (r instanceof Range && r.toString() === 'Alexandr Wang') {
              const b = r.getBoundingClientRect();
              return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
            }
          }
          return null;
        }),
      (r) => r !== null,
      'a highlighted name',
    );
    await story.page.mouse.move(rect!.x, rect!.y);
    await waitFor(
      async () => (await story.page.$('news-context-card'))?.boundingBox() ?? null,
      (b) => b !== null && b.height > 40,
      'the hover card',
    );

    // Popup and sidebar page for every page of the session; the reader view where there is a timeline.
    for (const t of tabs) {
      const popup = await extensionPage(`src/ui/popup/index.html?tab=${t.tabId}`);
      await waitFor(
        () => popup.evaluate(() => document.querySelectorAll('[data-testid="digest"]').length),
        (n) => n > 0,
        `the popup of ${t.url}`,
      );
      const panel = await extensionPage(`src/ui/sidepanel/index.html?tab=${t.tabId}`);
      await waitFor(
        () => panel.evaluate(() => document.querySelectorAll('[data-testid="page-card"]').length),
        (n) => n > 0,
        `the sidebar page of ${t.url}`,
      );
      if (t.analysis.story) {
        const href = await waitFor(
          () => panel.evaluate(() => document.querySelector<HTMLAnchorElement>('a[data-testid="event-cite"]')?.href ?? ''),
          (h) => h.startsWith(EXTENSION_ORIGIN),
          'a timeline citation',
        );
        const reader = await extensionPage(href.slice(EXTENSION_ORIGIN.length + 1));
        await waitFor(
          () => reader.evaluate(() => document.querySelectorAll('mark[data-testid="cited"]').length),
          (n) => n === 1,
          'the reader view at its cited sentence',
        );
        await reader.close();
      }
      await panel.close();
      await popup.close();
    }

    // A site switch, off and on again, from the popup of the story page; then the real sidebar from the popup.
    const popup = await extensionPage(`src/ui/popup/index.html?tab=${story.tabId}`);
    await waitFor(
      () => popup.evaluate(() => document.querySelector('#sw-highlights') !== null),
      (ok) => ok,
      'the popup switches',
    );
    await popup.bringToFront();
    for (const on of [false, true]) {
      const before = (await analysisOf(story.url)).analysis.analysedAt;
      await popup.click('#sw-highlights');
      await analysisOf(story.url, (a) => a.site.highlights === on && a.analysedAt >= before);
    }
    await popup.click('[data-testid=open-panel]'); // a real click: sidebarAction.open() needs user input
    await waitFor(
      () => popup.evaluate(() => browser.sidebarAction.isOpen({})),
      (open) => open,
      'the real sidebar to open',
    );
    await story.page.bringToFront();
    await waitFor(
      () =>
        popup.evaluate(() =>
          browser.extension
            .getViews({ type: 'sidebar' })
            .map((w) => w.document.querySelector('[data-testid=page-card]')?.textContent ?? ''),
        ),
      (v) => v.length === 1 && v[0]!.length > 0,
      'the real sidebar to show the story page',
    );

    const options = await extensionPage('src/ui/options/index.html');
    await waitFor(
      () => options.evaluate(() => document.querySelector('[data-testid="corpus-stats"]')?.textContent ?? ''),
      (t) => t.includes('Ready'),
      'the options page',
    );
    // Let anything deferred (idle callbacks, timers, alarms) happen before counting.
    await new Promise((r) => setTimeout(r, 2000));
    await options.close();
    await popup.close();
    for (const t of tabs) await t.page.close();

    // Allowed: the documents navigated to (and Firefox's favicon request for them), and what their own HTML
    // loads (src attributes), all on the page server. Everything else, from the launch on, is not.
    const origin = server!.origin;
    const allowedUrls = new Set<string>([`${origin}/favicon.ico`]);
    for (const path of SESSION) {
      const url = `${origin}${path}`;
      allowedUrls.add(url);
      const html = await (await fetch(url)).text();
      for (const m of html.matchAll(/\ssrc="([^"]+)"/g)) allowedUrls.add(new URL(m[1]!.replaceAll('&amp;', '&'), url).href);
    }
    const recorded = proxy!.recorded;
    console.log(
      `privacy (Firefox): ${recorded.length} requests through the proxy since the launch\n${recorded
        .map((r) => `  ${r.method.padEnd(7)} ${r.url}${allowedUrls.has(r.url) ? '' : '   <- NOT ALLOWED'}`)
        .join('\n')}`,
    );
    expect(recorded.filter((r) => r.method !== 'GET' || !allowedUrls.has(r.url))).toEqual([]);
    // The session went through the recorder: every page was loaded through it.
    for (const path of SESSION) expect(recorded.some((r) => r.url === `${origin}${path}`)).toBe(true);
    expect(errors).toEqual([]);
  });
});
