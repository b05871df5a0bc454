// End-to-end: a long visit does not make the app's memory grow. Each route
// change makes a view and drops the one before; whatever the dropped view held
// must go with it (issue 14 found nodes left behind in the site's language and
// in a loaded document, about 0.5 KB per change). The walk is back and forward
// between a listing and an article: leptos_router keeps every URL a *followed
// link* leads to for the whole visit (its `path_stack`, about 0.1 KB each; README,
// "Known limits"), which no app code can drop, so links are not followed here.
// The JS side is counted too: the heap's objects, closures, arrays and strings
// (a heap snapshot's counts; its size also holds the engine's compiled code,
// which grows as more functions get optimised, and is no leak).
import { test } from "node:test";
import assert from "node:assert/strict";
import { servedApp, withPage, settled, cardLinks } from "./harness.mjs";
import { jsValues, total, wasmBytes } from "./memory.mjs";

const env = servedApp();
const VIEW_MARK = "news-portal:view";
const WARM_UP = 40;
const CHANGES = 400;
const PAGE = 64 * 1024;

/** Goes back (even `n`) or forward and resolves once the app marks the new view. */
const change = (page, n) => page.evaluate(([mark, back]) => new Promise((resolve) => {
  const observer = new PerformanceObserver((list) => {
    if (list.getEntries().some((entry) => entry.name === mark)) {
      observer.disconnect();
      resolve();
    }
  });
  observer.observe({ type: "mark" });
  if (back) history.back(); else history.forward();
}), [VIEW_MARK, n % 2 === 0]);

test(`${CHANGES} route changes after the first ${WARM_UP} leave the wasm memory and the JS values as they were`, () => withPage(env.browser, async (page) => {
  const cdp = await page.context().newCDPSession(page);
  await page.goto(env.url("/az/"));
  await settled(page);
  await cardLinks(page).first().click();
  await settled(page);
  for (let n = 0; n < WARM_UP; n++) await change(page, n);
  const before = await wasmBytes(cdp);
  const valuesBefore = await jsValues(cdp);
  for (let n = 0; n < CHANGES; n++) await change(page, n);
  const after = await wasmBytes(cdp);
  const valuesAfter = await jsValues(cdp);
  assert.ok(before > 0, "the wasm memory was found");
  // Memory grows by 64 KiB pages; one page of slack keeps an allocator's odd
  // high-water mark from failing the test. The leak this guards against grew
  // by five pages (1,245,184 -> 1,572,864 bytes) in these 400 changes.
  assert.ok(after - before <= PAGE, `wasm memory ${before} bytes after ${WARM_UP} changes, ${after} after ${CHANGES} more`);
  // The same JS values, give or take the browser's own bookkeeping: in runs
  // here two more in all (an object and an array); the slack is far below
  // one value per route change.
  const added = total(valuesAfter) - total(valuesBefore);
  assert.ok(added <= 40, `JS values after ${WARM_UP} changes ${JSON.stringify(valuesBefore)}, after ${CHANGES} more ${JSON.stringify(valuesAfter)}`);
  // Still the app: the last change (forward) shows the article again.
  assert.match(new URL(page.url()).pathname, /\/news\//);
  await page.locator("main article h1").waitFor();
}));
