/**
 * "Nothing leaves the machine", end to end in Chromium and in Firefox ESR (one suite through
 * driver.ts): every network request of every extension context (background, content scripts,
 * popup, side panel or sidebar, options and reader pages) is recorded across a browsing session,
 * and the only requests allowed are the extension's own files and those of the browsed pages
 * themselves. A control step first makes the background, an extension page and a content script
 * each fetch a URL of a host that does not exist, and requires all of them recorded, so the
 * recorder is proven able to fail; only those control requests are then forgotten.
 *
 * The recorder is where the browsers differ, and it is a named branch:
 *  - Chromium: Playwright's request events of the whole context (the service worker's too, with
 *    PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS), each with its source (service worker or
 *    frame); a browsed page's own requests are told apart by their CDP initiator (its parser).
 *  - Firefox: a local HTTP proxy that Firefox is pointed at through prefs (network.proxy.type=1,
 *    http and ssl proxy on 127.0.0.1, allow_hijacking_localhost so that even 127.0.0.1 goes
 *    through it, no_proxies_on empty). Every HTTP(S) request of every context goes through it,
 *    whoever makes it: plain HTTP as an absolute-URI request, HTTPS and WebSocket as a CONNECT.
 *    Requests for the page server are forwarded to it; anything else is recorded and refused
 *    (403), so nothing reaches past the machine. BiDi network events were not used: puppeteer
 *    reports them per tab, and the extension's background page is no tab, so its requests would
 *    go unseen. moz-extension:// loads never touch the network and are not recorded. A proxy
 *    cannot tell who made a request, so Firefox's own background traffic is switched off by prefs
 *    (QUIET_PREFS: remote settings, telemetry, captive portal and connectivity checks, push,
 *    Normandy, region, safe browsing, prefetch and speculative connections, DoH, ...) and
 *    everything recorded from the launch on counts; without QUIET_PREFS Firefox ESR 153 opens
 *    about fifteen CONNECTs to firefox.settings.services.mozilla.com in its first seconds.
 *    (Remote settings ignores its server pref on release builds unless
 *    MOZ_REMOTE_SETTINGS_DEVTOOLS=1 is in the environment.) Not covered: UDP (WebRTC), which the
 *    extension does not use and does not ask permission for.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabAnalysis } from '../../src/core/analysis';
import { DRIVERS, type Driver, type DriverPage } from './driver';
import { startServer, waitFor } from './harness';

/** The WebExtension globals of extension pages (Firefox's `browser`, Chromium's `chrome`), as far as these tests use them. */
interface Ext {
  runtime: { getBackgroundPage(): Promise<Window>; getContexts(f: { contextTypes: string[] }): Promise<unknown[]> };
  scripting: { executeScript(details: { target: { tabId: number }; func: (url: string) => void; args: [string] }): Promise<unknown> };
  sidebarAction: { isOpen(details: object): Promise<boolean> };
  extension: { getViews(filter: { type: 'sidebar' }): Window[] };
}
declare const browser: Ext;

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

interface Proxied {
  method: string;
  /** The URL, or host:port for a CONNECT. */
  url: string;
  at: number;
}

/** The recording proxy: forwards requests for `allowedOrigin`, refuses and records everything. */
async function startRecordingProxy(allowedOrigin: string) {
  const recorded: Proxied[] = [];
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

/** What Chromium's request events say of one request. */
interface Requested {
  url: string;
  from: string;
  navigation: boolean;
  resourceType: string;
}

const describeSource = (r: Request): string => {
  const sw = r.serviceWorker();
  if (sw) return `service worker ${sw.url()}`;
  try {
    return `frame ${r.frame().url() || '(blank)'}`;
  } catch {
    return 'unknown';
  }
};

const CONTROL = {
  background: 'http://background.control.invalid/probe?control=1',
  extensionPage: 'http://extension-page.control.invalid/probe?control=1',
  https: 'https://https.control.invalid/probe?control=1',
  contentScript: 'http://content-script.control.invalid/probe?control=1',
};

for (const d of DRIVERS) {
  describe.skipIf(d.path === null)(`${d.title}: no extension context makes a network request`, () => {
    let driver: Driver;
    let server: Awaited<ReturnType<typeof startServer>>;
    let proxy: Awaited<ReturnType<typeof startRecordingProxy>> | undefined;
    /** Chromium's recorder (see the header). */
    const requested: Requested[] = [];
    /** Requests of the browsed pages that their own HTML parser made (e.g. clutter-en's images), by CDP initiator. */
    const parserInitiated = new Set<string>();
    const initiators = new Map<string, string>();
    /** Errors of our code: Firefox's are collected per tab (see watch). */
    const errors: string[] = [];
    /** The options page, kept open: the extension's APIs with its privileges. */
    let ext: DriverPage;

    /** Firefox: a tab whose errors from our code (content script console, uncaught errors) are collected. */
    function watch(page: DriverPage): DriverPage {
      if (page.raw.name !== 'firefox') return page;
      const p = page.raw.page;
      p.on('console', (m) => {
        if (m.type() === 'error' && (m.text().includes('[news-context]') || (m.location().url ?? '').startsWith('moz-extension://')))
          errors.push(`${m.location().url ?? ''}: ${m.text()}`);
      });
      p.on('pageerror', (e) => errors.push(`uncaught ${e instanceof Error ? e.message : String(e)}`));
      return page;
    }
    const extensionPage = async (path: string) => watch(await driver.openExtension(path));

    beforeAll(async () => {
      server = await startServer();
      if (d.name === 'chromium') {
        // Read by Playwright when it attaches to a service worker: without it the worker's requests are not reported.
        process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
        driver = await d.start();
        if (driver.raw.name !== 'chromium') throw new Error('a Chromium driver');
        driver.raw.session.context.on('request', (r) => {
          requested.push({ url: r.url(), from: describeSource(r), navigation: r.isNavigationRequest(), resourceType: r.resourceType() });
        });
      } else {
        proxy = await startRecordingProxy(server.origin);
        driver = await d.start({
          firefox: {
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
          },
        });
      }
      ext = await extensionPage('src/ui/options/index.html');
    });

    afterAll(async () => {
      await (driver as Driver | undefined)?.close();
      await proxy?.close();
      await (server as typeof server | undefined)?.close();
    });

    /** Every URL recorded so far, as "METHOD url" (Firefox: CONNECT host:port) or "url <- source" (Chromium). */
    const recordedUrls = () => (proxy ? proxy.recorded.map((r) => r.url) : requested.map((r) => r.url));

    it('control: requests of the background, an extension page and a content script are recorded (the recorder can fail)', async () => {
      // Not watched for errors: the content script's control fetch is refused, and the tab logs that.
      const url = `${server.origin}/fixtures/story-en.html`;
      const page = await driver.open(url);
      const { tabId } = await driver.analysisFor(url);
      const attempt = (u: string) =>
        fetch(u).then(
          (r) => `status ${r.status}`,
          (e: unknown) => `failed: ${String(e)}`,
        );
      // The background's own fetch: Chromium's service worker; Firefox's background page (called on its
      // window, so the request is the background document's).
      if (driver.raw.name === 'chromium') await driver.raw.session.worker.evaluate(attempt, CONTROL.background);
      else
        await ext.run(
          (u) =>
            browser.runtime.getBackgroundPage().then((bg) =>
              bg.fetch(u).then(
                () => undefined,
                () => undefined,
              ),
            ),
          CONTROL.background,
        );
      await ext.run(attempt, CONTROL.extensionPage);
      await ext.run(attempt, CONTROL.https);
      await ext.run(
        ([id, u]) =>
          (typeof browser === 'undefined' ? (chrome as unknown as Ext) : browser).scripting.executeScript({
            target: { tabId: id },
            func: (v: string) => void fetch(v).catch(() => undefined),
            args: [u],
          }),
        [tabId, CONTROL.contentScript] as const,
      );
      await waitFor(
        () => Promise.resolve(recordedUrls().filter((u) => u.includes('.control.invalid'))),
        (us) => us.length >= 4,
        'the control requests to be recorded',
      );
      if (proxy) {
        expect(
          proxy.recorded
            .filter((r) => r.url.includes('.control.invalid'))
            .map((r) => `${r.method} ${r.url}`)
            .sort(),
        ).toEqual(
          [
            `GET ${CONTROL.background}`,
            `GET ${CONTROL.extensionPage}`,
            `CONNECT https.control.invalid:443`,
            `GET ${CONTROL.contentScript}`,
          ].sort(),
        );
        // Forget the control requests only: anything else recorded since the launch still counts.
        const kept = proxy.recorded.filter((r) => !r.url.includes('.control.invalid'));
        proxy.recorded.splice(0, proxy.recorded.length, ...kept);
      } else {
        const seen = (u: string) => requested.find((r) => r.url === u)?.from ?? 'not recorded';
        expect(seen(CONTROL.background)).toMatch(/^service worker chrome-extension:\/\//);
        expect(seen(CONTROL.extensionPage)).toMatch(/^frame chrome-extension:\/\//);
        expect(seen(CONTROL.https)).toMatch(/^frame chrome-extension:\/\//);
        expect(seen(CONTROL.contentScript)).toBe(`frame ${url}`);
        // Forget everything so far: everything recorded from here on must be allowed.
        requested.length = 0;
      }
      await page.close();
    });

    it('a browsing session with popup, side panel, options, reader, a hover card, a switch, reading memory and the real panel makes no request', async () => {
      // Chromium: the control's refused fetches were logged; only what comes after counts.
      const errorsBefore = driver.errors?.length ?? 0;
      const tabs: { page: DriverPage; tabId: number; analysis: TabAnalysis; url: string }[] = [];
      for (const path of SESSION) {
        const url = `${server.origin}${path}`;
        const page = await driver.open(url, {
          viewport: { width: 1000, height: 800 },
          beforeLoad: async (p) => {
            watch(p);
            if (p.raw.name !== 'chromium') return;
            // Chromium: the initiator of each request of the page: the page's own parser, or a script (whose?).
            const cdp = await p.raw.page.context().newCDPSession(p.raw.page);
            cdp.on('Network.requestWillBeSent', (e) => {
              const stack = e.initiator.stack?.callFrames[0]?.url;
              initiators.set(e.request.url, `${e.initiator.type} ${e.initiator.url ?? stack ?? ''}`);
              if (e.initiator.type === 'parser' && e.initiator.url === url) parserInitiated.add(e.request.url);
            });
            await cdp.send('Network.enable');
          },
        });
        tabs.push({ page, url, ...(await driver.analysisFor(url)) });
      }

      // Hover a name on the English story page until its card opens.
      const story = tabs.find((t) => t.url.endsWith('/fixtures/story-en.html'))!;
      await story.page.front();
      const rect = await waitFor(
        () =>
          story.page.eval<{ x: number; y: number } | null>(`(() => {
            for (const r of CSS.highlights?.get('news-context') ?? []) {
              if (r instanceof Range && r.toString() === 'Alexandr Wang') {
                const b = r.getBoundingClientRect();
                return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
              }
            }
            return null;
          })()`),
        (r) => r !== null,
        'a highlighted name',
      );
      await story.page.hover(rect!.x, rect!.y);
      await waitFor(
        () => story.page.eval<number>(`document.querySelector('news-context-card')?.getBoundingClientRect().height ?? 0`),
        (h) => h > 40,
        'the hover card',
      );

      // Popup and side panel page for every page of the session; the reader view where there is a timeline.
      const count = (page: DriverPage, selector: string) => page.run((s) => document.querySelectorAll(s).length, selector);
      for (const t of tabs) {
        const popup = await extensionPage(`src/ui/popup/index.html?tab=${t.tabId}`);
        await waitFor(
          () => count(popup, '[data-testid="digest"]'),
          (n) => n > 0,
          `the popup of ${t.url}`,
        );
        // The first popup asks about reading memory: yes (what is read is then kept, on this device only).
        if (t === tabs[0]) await popup.click('[data-testid="memory-ask-yes"]');
        const panel = await extensionPage(`src/ui/sidepanel/index.html?tab=${t.tabId}`);
        await waitFor(
          () => count(panel, '[data-testid="page-card"]'),
          (n) => n > 0,
          `the side panel page of ${t.url}`,
        );
        if (t.analysis.story) {
          const reader = watch(await driver.followLink(panel, 'a[data-testid="event-cite"]'));
          await waitFor(
            () => count(reader, 'mark[data-testid="cited"]'),
            (n) => n === 1,
            'the reader view at its cited sentence',
          );
          await reader.close();
        }
        await panel.close();
        await popup.close();
      }

      // Reading memory on: the pages are read (scrolled into their bodies) and the articles not in the bundled corpus remembered.
      for (const t of tabs) {
        await t.page.front();
        await t.page.run(() => [...document.querySelectorAll('article p, main p')].at(-1)?.scrollIntoView({ block: 'center' }), null);
      }
      await waitFor(
        async () =>
          ((await driver.ui({ type: 'ui:memory-list', query: '', offset: 0, limit: 20 })) as { value: { total: number } }).value.total,
        (n) => n >= 1,
        'a page remembered',
      );

      // A site switch, off and on again, from the popup of the story page; then the real panel from the popup.
      const popup = await extensionPage(`src/ui/popup/index.html?tab=${story.tabId}`);
      await waitFor(
        () => count(popup, '#sw-highlights'),
        (n) => n === 1,
        'the popup switches',
      );
      await popup.front();
      for (const on of [false, true]) {
        const before = (await driver.analysisFor(story.url)).analysis.analysedAt;
        await popup.click('#sw-highlights');
        await driver.analysisFor(story.url, (a) => a.site.highlights === on && a.analysedAt >= before);
      }
      await popup.click('[data-testid=open-panel]'); // a real click: both browsers need user input to open their panel
      await story.page.front();
      // The browser's own panel: Chromium's side panel is a SIDE_PANEL context of the runtime; Firefox's
      // sidebar is seen through extension.getViews.
      if (driver.raw.name === 'chromium') {
        const { worker } = driver.raw.session;
        await waitFor(
          () => worker.evaluate(() => chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })),
          (c) => c.length === 1 && Boolean(c[0]?.documentUrl),
          'the real side panel to open',
        );
      } else {
        await waitFor(
          () =>
            popup.run(
              () =>
                browser.extension
                  .getViews({ type: 'sidebar' })
                  .map((w) => w.document.querySelector('[data-testid=page-card]')?.textContent ?? ''),
              null,
            ),
          (v) => v.length === 1 && v[0]!.length > 0,
          'the real sidebar to show the story page',
        );
      }

      const options = await extensionPage('src/ui/options/index.html');
      await waitFor(
        () => options.run(() => document.querySelector('[data-testid="corpus-stats"]')?.textContent ?? '', null),
        (t) => t.includes('Ready'),
        'the options page',
      );
      // Let anything deferred (idle callbacks, timers, alarms) happen before counting.
      await new Promise((r) => setTimeout(r, 2000));
      await options.close();
      await popup.close();
      for (const t of tabs) await t.page.close();

      const origin = server.origin;
      if (proxy) {
        // Firefox. Allowed: the documents navigated to (and Firefox's favicon request for them), and what their own
        // HTML loads (src attributes), all on the page server. Everything else, from the launch on, is not.
        const allowedUrls = new Set<string>([`${origin}/favicon.ico`]);
        for (const path of SESSION) {
          const url = `${origin}${path}`;
          allowedUrls.add(url);
          const html = await (await fetch(url)).text();
          for (const m of html.matchAll(/\ssrc="([^"]+)"/g)) allowedUrls.add(new URL(m[1]!.replaceAll('&amp;', '&'), url).href);
        }
        const recorded = proxy.recorded;
        console.log(
          `privacy (Firefox): ${recorded.length} requests through the proxy since the launch\n${recorded
            .map((r) => `  ${r.method.padEnd(7)} ${r.url}${allowedUrls.has(r.url) ? '' : '   <- NOT ALLOWED'}`)
            .join('\n')}`,
        );
        expect(recorded.filter((r) => r.method !== 'GET' || !allowedUrls.has(r.url))).toEqual([]);
        // The session went through the recorder: every page was loaded through it.
        for (const path of SESSION) expect(recorded.some((r) => r.url === `${origin}${path}`)).toBe(true);
      } else {
        // Chromium. Allowed: our own files, the documents navigated to, and what a page's own HTML asks for (not a script of ours).
        console.log(
          `privacy: ${requested.length} requests recorded during the session\n${requested
            .map(
              (r) =>
                `  ${r.navigation ? 'nav ' : '    '}${r.resourceType.padEnd(10)} ${r.url}  <- ${r.from}${initiators.has(r.url) ? ` (initiator: ${initiators.get(r.url)})` : ''}`,
            )
            .join('\n')}`,
        );
        const navigated = new Set(SESSION.map((path) => `${origin}${path}`));
        const allowed = (r: Requested) =>
          r.url.startsWith(`${driver.extOrigin}/`) ||
          (r.navigation && r.resourceType === 'document' && navigated.has(r.url)) ||
          (!r.navigation && parserInitiated.has(r.url) && !r.from.startsWith('service worker'));
        expect(requested.filter((r) => !allowed(r))).toEqual([]);
        // The session did what it should have: every page was loaded, and extension pages were recorded too.
        for (const url of navigated) expect(requested.some((r) => r.url === url && r.navigation)).toBe(true);
        expect(requested.some((r) => r.url.startsWith(`${driver.extOrigin}/src/ui/sidepanel/`))).toBe(true);
        // Errors of ours only (clutter-en's own images are missing on the server, and the page logs their 404s).
        errors.push(
          ...driver
            .errors!.slice(errorsBefore)
            .filter(
              (e) =>
                e.startsWith('uncaught') || (e.startsWith('error ') && (e.includes('chrome-extension://') || e.includes('[news-context]'))),
            ),
        );
      }
      expect(errors).toEqual([]);
    });
  });
}
