// Broken documents and bad networks, as the browser receives them: each gives
// its documented outcome (docs/news-api.md) quickly, never a blank page, a
// frozen page or a panic.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servedApp, withPage, settled, cardLinks } from "./harness.mjs";

const env = servedApp();
const url = env.url;

/** Serves `body` (a string or bytes) for the article `slug` with `status`. */
function article(page, slug, body, { status = 200, type = "application/json" } = {}) {
  return page.route(`**/api/en/news/${slug}.json`, (route) => route.fulfill({ status, contentType: type, body }));
}

/** Opens `path` and returns how long it took until a view had settled (printed, not asserted). */
async function timed(page, path) {
  const started = Date.now();
  await page.goto(url(path));
  await settled(page);
  return Date.now() - started;
}

test("a 10,000-item listing shows its first 100 items and says the rest were left out", () => withPage(env.browser, async (page) => {
  const items = Array.from({ length: 10000 }, (_, i) => ({ slug: `item-${i}`, title: `Item ${i}`, published: "2024-05-14" }));
  await page.route("**/api/en/news/page-1.json", (route) => route.fulfill({
    contentType: "application/json",
    json: { page: 1, per_page: 10000, total_pages: 1, total_items: 10000, items },
  }));
  const took = await timed(page, "/en/");
  assert.equal(await cardLinks(page).count(), 100);
  await page.getByText("News items that could not be shown: 9900.", { exact: true }).waitFor();
  // The guarantee is structural (at most 100 cards); the time is a figure, not a test.
  console.log(`# 10,000-item listing settled in ${took} ms`);
}));

test("a 5 MB body_html shows its first 512 KiB, with a note", () => withPage(env.browser, async (page) => {
  const body = "<p>" + "Lorem ipsum dolor sit amet, <strong>consectetur</strong> adipiscing elit. ".repeat(70000) + "</p>";
  await article(page, "huge", JSON.stringify({ title: "Huge", published: "2024-05-14", body_html: body }));
  const took = await timed(page, "/en/news/huge");
  await page.getByRole("status").filter({ hasText: "This text is too long to show in full here." }).waitFor();
  assert.ok((await page.locator(".rich-text strong").count()) > 1000, "the first part is shown");
  console.log(`# 5 MB body settled in ${took} ms`);
}));

test("invalid UTF-8 inside a string shows replacement characters; outside one, a clear message", () => withPage(env.browser, async (page) => {
  const inString = Buffer.concat([Buffer.from('{"title":"Bad '), Buffer.from([0xff, 0xfe]), Buffer.from(' bytes","body_html":"<p>x</p>"}')]);
  await article(page, "bad-string", inString);
  await timed(page, "/en/news/bad-string");
  assert.equal(await page.locator("main h1").textContent(), "Bad \uFFFD\uFFFD bytes");
  const outside = Buffer.concat([Buffer.from('{"title":"A",'), Buffer.from([0xc3, 0x28]), Buffer.from('"body_html":"x"}')]);
  await article(page, "bad-outside", outside);
  await page.goto(url("/en/news/bad-outside"));
  await page.getByRole("alert").getByText("The data received is not valid.").waitFor();
}));

for (const [label, body, type] of [
  ["an HTML error page with status 200", "<!doctype html><title>Error</title><h1>Service unavailable</h1>", "text/html"],
  ["an empty 200", "", "application/json"],
  ["JSON of the wrong shape", '{"title":42,"body_html":["x"]}', "application/json"],
]) {
  test(`${label} gives 'could not load' with the cause and Retry`, () => withPage(env.browser, async (page) => {
    await article(page, "broken", body, { type });
    await page.goto(url("/en/news/broken"));
    const alert = page.getByRole("alert");
    await alert.getByText("The data received is not valid.").waitFor();
    assert.equal(await alert.getByRole("button", { name: "Retry" }).count(), 1);
    assert.equal(await page.getByRole("banner").count(), 1, "the layout stays");
  }));
}

test("a response that never ends times out after 15 seconds with a clear message and Retry", () => withPage(env.browser, { allow: ["Failed to load resource"] }, async (page) => {
  let hang = true;
  await page.route("**/api/en/news/slow.json", async (route) => {
    if (hang) return; // never answered
    await route.fulfill({ contentType: "application/json", json: { title: "Arrived", body_html: "<p>x</p>" } });
  });
  const started = Date.now();
  await page.goto(url("/en/news/slow"));
  await page.locator(".skeleton").waitFor({ timeout: 5000 }); // a loading state, not a blank page
  const alert = page.getByRole("alert");
  await alert.getByText("The server did not answer within 15 seconds.").waitFor({ timeout: 25000 });
  const waited = Date.now() - started;
  assert.ok(waited >= 14000, `gave up after ${waited} ms, before the documented 15 s`);
  hang = false;
  await alert.getByRole("button", { name: "Retry" }).click();
  await page.getByRole("heading", { level: 1, name: "Arrived" }).waitFor();
}));

test("slugs with control characters or 10 kB long are 'not found' without a request", () => withPage(env.browser, async (page) => {
  const requested = [];
  page.on("request", (request) => { if (request.url().includes("/news/") && request.url().endsWith(".json")) requested.push(request.url()); });
  // (A bare %2e%2e is a dot segment to the browser itself: it never reaches the app as a slug.)
  for (const slug of ["a%00b", "a%0Ab", "a%1Fb", "x".repeat(10240), "%2E%2E%2Fsite", "a%5Cb"]) {
    await page.goto(url(`/en/news/${slug}`));
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
  }
  assert.deepEqual(requested, []);
}));
