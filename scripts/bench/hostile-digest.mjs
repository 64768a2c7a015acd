// Part (f) of the page bench: a hostile digest request. A tab shows ~200,000 characters of short
// sentences in a script no corpus entity is written in (./openweb.mjs hostilePage), so no story
// matches and the background makes the page's own digest: it asks the tab's content script for
// the article text and summarises it (bounded: PAGE_DIGEST_LIMITS in src/background/context.ts,
// 20,000 characters / 300 sentences). An extension page asks for that tab's context as the popup
// and the side panel do (`ui:get-tab-context`); meanwhile the options page sends `ui:get-status`
// back to back, and each of its requests sent while the digest was in flight counts as a wait.

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * In an extension page: `ui:get-status` back to back (5 ms apart) until `window.__stopStatus`;
 * each as [sent, answered] in epoch ms. A string, evaluated as an expression.
 */
const STATUS_LOOP = `(async () => {
  const out = [];
  window.__stopStatus = false;
  const now = () => performance.timeOrigin + performance.now();
  while (!window.__stopStatus) {
    const t = now();
    const r = await chrome.runtime.sendMessage({ type: 'ui:get-status' });
    out.push([t, now(), r && r.ok ? 1 : 0]);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return out;
})()`;

/**
 * @param {{ context: import('playwright-core').BrowserContext; worker: import('playwright-core').Worker; prefix: string;
 *   url: (round: number) => string; rounds: number; watch: { arm: (url: string) => Promise<unknown>; wait: (url: string) => Promise<boolean> };
 *   pageTime: (profile: any) => { content: number; declutter: number }; settleMs: number }} options `pageTime`: the
 *   content script's and declutter.js's main-thread time in a CPU profile of the tab, ms; `settleMs`: the wait from the
 *   analysis written to the request (0: as a popup opened at once)
 */
export async function hostileDigest({ context, worker, prefix, url, rounds, watch, pageTime, settleMs }) {
  const options = await context.newPage();
  const asker = await context.newPage();
  await options.goto(`${prefix}src/ui/options/index.html`);
  // A bare extension page to ask from (the popup would ask for its own tab on open).
  await asker.goto(`${prefix}src/ui/options/index.html`);
  await sleep(500);
  /** @param {import('playwright-core').Page} page @param {number} ms */
  const statusFor = async (page, ms) => {
    const loop = page.evaluate(STATUS_LOOP);
    await sleep(ms);
    await page.evaluate('window.__stopStatus = true');
    return /** @type {[number, number, number][]} */ (await loop);
  };
  // Without a digest in flight, for comparison.
  const quiet = (await statusFor(options, 300)).map(([t, u]) => u - t);

  /** @type {{ digestMs: number; pageMs: number; declutterMs: number; againMs: number; kind: string | null; sentences: number; chars: number; waits: number[]; failed: number }[]} */
  const out = [];
  for (let r = 0; r < rounds; r++) {
    const u = url(r);
    const tab = await context.newPage();
    try {
      await watch.arm(u);
      await tab.goto(u, { waitUntil: 'load', timeout: 30_000 });
      if (!(await watch.wait(u))) {
        out.push({ digestMs: NaN, pageMs: NaN, declutterMs: NaN, againMs: NaN, kind: null, sentences: 0, chars: 0, waits: [], failed: 1 });
        continue;
      }
      const chars = await tab.evaluate(() => document.body.innerText.length);
      const tabId = await worker.evaluate(async (href) => {
        const all = await /** @type {any} */ (globalThis).chrome.storage.session.get(null);
        const key = Object.keys(all).find((k) => k.startsWith('tab:') && all[k]?.url === href);
        return key ? Number(key.slice('tab:'.length)) : -1;
      }, u);
      await tab.bringToFront();
      await sleep(settleMs);
      // The tab's renderer profiled while the digest is made: what the content script spends answering the text.
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      const loop = options.evaluate(STATUS_LOOP);
      await sleep(30);
      const asked = await asker.evaluate(async (id) => {
        const now = () => performance.timeOrigin + performance.now();
        const ask = async () => {
          const t = now();
          /** @type {any} */
          const res = await /** @type {any} */ (globalThis).chrome.runtime.sendMessage({ type: 'ui:get-tab-context', tabId: id });
          return { start: t, end: now(), res };
        };
        const first = await ask();
        const again = await ask();
        const d = first.res?.ok ? first.res.value?.digest : null;
        const text = d
          ? [...(d.summary ?? []), ...(d.keyPoints ?? [])].map((/** @type {any} */ s) => (typeof s === 'string' ? s : s.text))
          : [];
        return {
          start: first.start,
          end: first.end,
          againMs: again.end - again.start,
          ok: Boolean(first.res?.ok),
          kind: d ? String(d.kind) : null,
          sentences: text.length,
        };
      }, tabId);
      await sleep(30);
      await options.evaluate('window.__stopStatus = true');
      const { profile } = await cdp.send('Profiler.stop');
      const status = /** @type {[number, number, number][]} */ (await loop);
      // Status requests in flight at any time while the digest was: sent before it was answered, answered after it was sent.
      const waits = status.filter(([t, u]) => t < asked.end && u > asked.start).map(([t, u]) => u - t);
      out.push({
        digestMs: asked.end - asked.start,
        pageMs: pageTime(profile).content,
        declutterMs: pageTime(profile).declutter,
        againMs: asked.againMs,
        kind: asked.kind,
        sentences: asked.sentences,
        chars,
        waits,
        failed: asked.ok && tabId >= 0 ? 0 : 1,
      });
    } finally {
      await tab.close();
    }
  }
  await options.close();
  await asker.close();
  return { quiet, rounds: out };
}
