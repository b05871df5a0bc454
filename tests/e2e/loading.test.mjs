// End-to-end: how the first view loads. Each document is fetched once (boot.js
// preloads it, the app takes the preload over), and nothing on the page moves
// while data and photos arrive (no layout shift). Timings are the benchmark's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servedApp, withPage, settled } from "./harness.mjs";

const env = servedApp();
const url = env.url;
const ARTICLE = "/az/news/cagri-merkezi-ilin-birinci-yarisinin-yekunlari";

/** The JSON documents preloaded by a `<link rel="preload">` (Trunk also preloads the wasm). */
const preloadedJson = (page) => page.evaluate(() =>
  [...document.querySelectorAll('link[rel="preload"][as="fetch"]')]
    .map((link) => new URL(link.href).pathname)
    .filter((path) => path.endsWith(".json")));

/** Records every data request of `page` and every console message about preloads. */
function record(page) {
  const requests = [];
  const warnings = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith("/api/") && path.endsWith(".json")) requests.push(path);
  });
  page.on("console", (message) => { if (/preload/i.test(message.text())) warnings.push(message.text()); });
  return { requests, warnings };
}

const FIRST_VIEWS = {
  [ARTICLE]: ["/api/site.json", "/api/az/site.json", `/api${ARTICLE}.json`],
  "/ru/page/2": ["/api/site.json", "/api/ru/site.json", "/api/ru/news/page-2.json"],
  "/en/privacy": ["/api/site.json", "/api/en/site.json", "/api/en/pages/privacy.json"],
};

for (const [path, expected] of Object.entries(FIRST_VIEWS)) {
  test(`opening ${path} downloads each document it needs once, preloaded while the wasm loads`, () => withPage(env.browser, async (page) => {
    const { requests, warnings } = record(page);
    await page.goto(url(path));
    await settled(page);
    await page.waitForTimeout(300); // a second, unpreloaded request would show by now
    assert.deepEqual([...requests].sort(), [...expected].sort(), "each document once, nothing else");
    const preloaded = await preloadedJson(page);
    assert.deepEqual(preloaded.sort(), [...expected].sort(), "boot.js preloaded exactly these");
    assert.deepEqual(warnings, [], "no preload went unused");
  }));
}

test("at BASE only the site index is preloaded: the language is the app's choice", () => withPage(env.browser, { locale: "ru-RU" }, async (page) => {
  const { requests } = record(page);
  await page.goto(url("/"));
  await page.waitForURL(url("/ru/"));
  await settled(page);
  assert.deepEqual(await preloadedJson(page), ["/api/site.json"]);
  assert.equal(requests.filter((r) => r === "/api/site.json").length, 1);
}));

/** Sum of the layout shifts on the page so far (what Lighthouse reports as CLS, without windows). */
const shifts = (page) => page.evaluate(() => new Promise((resolve) => {
  new PerformanceObserver((list) => resolve(list.getEntries()
    .filter((entry) => !entry.hadRecentInput)
    .map((entry) => ({ value: entry.value, nodes: entry.sources.map((s) => s.node?.className || s.node?.nodeName) }))))
    .observe({ type: "layout-shift", buffered: true });
  setTimeout(() => resolve([]), 500); // no entry at all: the observer never calls back
}));

for (const viewport of [{ width: 412, height: 823 }, { width: 1280, height: 900 }]) {
  test(`nothing moves while the first view loads (${viewport.width}px wide, slow network)`, async () => {
    for (const path of ["/az/", ARTICLE, "/az/terms"]) {
      await withPage(env.browser, { viewport }, async (page) => {
        const cdp = await page.context().newCDPSession(page);
        // Slow enough that the loading state is painted before the data and photos arrive.
        await cdp.send("Network.emulateNetworkConditions", {
          offline: false, latency: 150, downloadThroughput: 200 * 1024, uploadThroughput: 100 * 1024,
        });
        await page.goto(url(path));
        await settled(page);
        await page.waitForLoadState("networkidle");
        assert.deepEqual(await shifts(page), [], `layout shifts on ${path}`);
      });
    }
  });
}
