// The reader's features of issue 34 on the published site (scripts/publish on
// a copy of dist/): tag pages (with and without JavaScript, their feed),
// share / copy / print at an article's end, related news, the accessibility
// statement. Every tag, article and page is read from the published data,
// never assumed.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { onCleanup, publishedCopy, withPage, settled, screenshot, assertAccessible } from "./harness.mjs";

const env = {};
const json = async (path) => JSON.parse(await readFile(join(env.root, "api", path), "utf8"));
const exists = (path) => stat(join(env.root, path)).then(() => true, () => false);
const url = (path) => env.origin + path;
const segment = (text) => encodeURIComponent(text);
/** slug::tag_key, as the app and the publish step write a tag in a URL. */
const tagKey = (tag) => tag.split(/[\s/\\?#%]+/u).filter(Boolean).join("-").toLowerCase().replace(/\u0307/g, "");

before(async () => {
  Object.assign(env, await publishedCopy("news-reader-"));
  env.langs = (await json("site.json")).languages.map((language) => language.code);
  // Every article of each language, in listing order, with its document.
  env.articles = {};
  for (const lang of env.langs) {
    const first = await json(`${lang}/news/page-1.json`);
    const items = [];
    for (let n = 1; n <= first.total_pages; n++) items.push(...(await json(`${lang}/news/page-${n}.json`)).items);
    env.articles[lang] = await Promise.all(items.map(async (item) => ({ ...item, ...(await json(`${lang}/news/${item.slug}.json`)) })));
  }
});

/** A language and an article of it that has tags and related news. */
function tagged() {
  for (const lang of env.langs) {
    const article = env.articles[lang].find((candidate) => candidate.tags?.length && candidate.related?.length);
    if (article) return { lang, article };
  }
  assert.fail("some article has tags and related news");
}

test("a tag on an article leads to the tag's page, which lists it, names its feed and pages on, in the app", () => withPage(env.browser, async (page) => {
  const { lang, article } = tagged();
  const tag = article.tags[0];
  const withTag = env.articles[lang].filter((other) => other.tags?.includes(tag));
  await page.goto(url(`/${lang}/news/${segment(article.slug)}`));
  await settled(page);
  await page.locator(".article__tags a", { hasText: tag }).first().click();
  await page.waitForURL((address) => address.pathname === `/${lang}/tags/${segment(tagKey(tag))}/`);
  await page.waitForFunction((title) => document.querySelector("main h1")?.textContent.includes(title), tag);
  const titles = await page.locator(".news-card__title").allTextContents();
  assert.deepEqual(titles, withTag.slice(0, titles.length).map((other) => other.title), "newest first, as the listing");
  assert.ok(titles.includes(article.title));
  const feed = page.locator(".listing__feed a");
  assert.equal(await feed.getAttribute("href"), `/${lang}/tags/${segment(tagKey(tag))}/feed.xml`);
  await assertAccessible(page, `${lang} tag page`);
  // Back to the article, forward to the tag, as the browser's buttons do.
  await page.goBack();
  await page.waitForFunction((title) => document.querySelector("main h1")?.textContent === title, article.title);
  await page.goForward();
  await page.waitForFunction((title) => document.querySelector("main h1")?.textContent.includes(title), tag);
  await screenshot(page, `tag-${lang}`);
}));

test("a tag page without JavaScript is a complete page: its articles, its feed, hreflang where the tag has a counterpart", async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  onCleanup(() => context.close());
  const page = await context.newPage();
  let counterparts = 0;
  for (const lang of env.langs) {
    const tags = [...new Set(env.articles[lang].flatMap((article) => article.tags ?? []))];
    for (const tag of tags) {
      const key = tagKey(tag);
      const listing = await json(`${lang}/tags/${key}/page-1.json`);
      assert.equal(listing.tag.toLowerCase(), tag.toLowerCase());
      await page.goto(url(`/${lang}/tags/${segment(key)}/`));
      const titles = await page.locator(".news-card__title").allTextContents();
      assert.deepEqual(titles, listing.items.map((item) => item.title), `${lang}/tags/${key}`);
      const feedHref = `/${lang}/tags/${segment(key)}/feed.xml`;
      assert.equal(await page.locator(`link[type="application/atom+xml"][href="${feedHref}"]`).count(), 1, "named in the head");
      assert.equal(await page.locator(`.listing__feed a[href="${feedHref}"]`).count(), 1, "and on the page");
      const feed = await (await fetch(url(feedHref))).text();
      assert.match(feed, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
      assert.ok(feed.includes(`/${lang}/news/${segment(listing.items[0].slug)}`), "its newest article in its feed");
      // hreflang: exactly the languages whose listing of the tag is named in `translations`.
      const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) => links.map((link) => link.hreflang).sort());
      const expected = [lang, ...Object.keys(listing.translations ?? {})].sort();
      assert.deepEqual(alternates, expected, `${lang}/tags/${key}: hreflang`);
      counterparts += Object.keys(listing.translations ?? {}).length;
    }
  }
  assert.ok(counterparts > 0, "some tag has its counterpart in another language");
});

test("an article ends with share links carrying its address and title, copy (announced) and print, and its related news", () => withPage(env.browser, async (page) => {
  const { lang, article } = tagged();
  const address = url(`/${lang}/news/${segment(article.slug)}`);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.origin });
  await page.goto(address);
  await settled(page);
  const tools = page.locator(".article-tools");
  const hrefs = await tools.locator("a[rel~=noreferrer]").evaluateAll((links) => links.map((link) => link.href));
  assert.equal(hrefs.length, 5, "Telegram, WhatsApp, Facebook, X, email");
  for (const href of hrefs) {
    assert.ok(href.includes(encodeURIComponent(address)), `${href} carries the address`);
    if (!href.includes("facebook.com")) assert.ok(href.includes(encodeURIComponent(article.title)), `${href} carries the title`);
  }
  assert.deepEqual(hrefs.map((href) => new URL(href).protocol + new URL(href).hostname), ["https:t.me", "https:wa.me", "https:www.facebook.com", "https:x.com", "mailto:"]);
  // Copy: the address on the clipboard, and a status line a screen reader hears.
  await tools.locator("a[data-np-copy]").click();
  await page.waitForFunction(() => document.querySelector(".article-tools__status")?.textContent.length > 0);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), address);
  assert.equal(await page.locator(".article-tools__status").getAttribute("role"), "status");
  assert.equal(page.url(), address, "the copy link did not navigate");
  // Print: the browser's print dialog, not a navigation.
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await tools.locator("a[data-np-print]").click();
  assert.equal(await page.evaluate(() => window.__printed), 1);
  assert.equal(page.url(), address);
  // Related news: the article's own list, each a link into the app.
  const related = await page.locator(".related a").allTextContents();
  assert.deepEqual(related, article.related.map((item) => item.title));
  await page.locator(".related a").first().click();
  await page.waitForURL((to) => to.pathname === `/${lang}/news/${segment(article.related[0].slug)}`);
  await page.waitForFunction((title) => document.querySelector("main h1")?.textContent === title, article.related[0].title);
  await assertAccessible(page, "an article's end");
  // Nothing of the sharing sites was loaded.
  const foreign = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name).filter((name) => !name.startsWith(location.origin)));
  assert.deepEqual(foreign, []);
}));

test("the share links and related news are in the prerendered page, without JavaScript", async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  onCleanup(() => context.close());
  const page = await context.newPage();
  const { lang, article } = tagged();
  await page.goto(url(`/${lang}/news/${segment(article.slug)}`));
  assert.equal(await page.locator(".article-tools a[rel~=noreferrer]").count(), 5);
  assert.equal(await page.locator(".article-tools__sheet").isVisible(), false, "no share sheet without JavaScript");
  assert.deepEqual(await page.locator(".related a").allTextContents(), article.related.map((item) => item.title));
});

test("the accessibility statement: linked from every page's footer when a language has one, prerendered, in the sitemap", () => withPage(env.browser, async (page) => {
  const sitemap = await (await fetch(url("/sitemap.xml"))).text();
  let statements = 0;
  for (const lang of env.langs) {
    const has = (await json(`${lang}/site.json`)).has ?? [];
    const present = await exists(`api/${lang}/pages/accessibility.json`);
    assert.equal(has.includes("accessibility"), present, `${lang}: site.json says what it has`);
    await page.goto(url(`/${lang}/`));
    await settled(page);
    const link = page.locator(`.site-footer a[href="/${lang}/accessibility"]`);
    assert.equal(await link.isVisible(), present, `${lang}: the footer's link`);
    if (!present) continue;
    statements += 1;
    assert.ok(await exists(`${lang}/accessibility.html`), "prerendered");
    assert.ok(sitemap.includes(`<loc>${env.origin}/${lang}/accessibility</loc>`), "in the sitemap");
    const statement = await json(`${lang}/pages/accessibility.json`);
    await link.click();
    await page.waitForFunction((title) => document.querySelector("main h1")?.textContent === title, statement.title);
    await assertAccessible(page, `${lang} accessibility statement`);
  }
  assert.ok(statements > 0, "the sample has a statement");
}));
