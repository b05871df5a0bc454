// Search (issue 17): the index scripts/publish makes per language (Pagefind),
// the search field of every view, the search view with its filters, its URL,
// and its cost (nothing loaded before the reader searches). Every word, tag and
// year searched for is read from the published data, never assumed.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, EXAMPLES, deployCopy, freePort, onCleanup, publish, publishedCopy, start, strictCsp, withPage, screenshot, assertAccessible } from "./harness.mjs";

const env = {};

/** Every article of a published tree, by language: `{slug, title, published, tags, text}`. */
async function articles(root) {
  const site = JSON.parse(await readFile(join(root, "api", "site.json"), "utf8"));
  const byLang = {};
  for (const { code } of site.languages) {
    const folder = join(root, "api", code, "news");
    byLang[code] = [];
    for (const file of await readdir(folder)) {
      if (!file.endsWith(".json") || /^page-\d+\.json$/.test(file)) continue;
      const article = JSON.parse(await readFile(join(folder, file), "utf8"));
      const text = (article.body_html ?? "").replace(/<[^>]+>/g, " ").replace(/&[a-z#0-9]+;/gi, " ");
      byLang[code].push({ ...article, tags: article.tags ?? [], text });
    }
  }
  return byLang;
}

/** A word of `article`'s body that no other article of its language has: searching it finds that one. */
function distinctiveWord(article, others) {
  const words = (text) => text.toLowerCase().match(/[\p{L}]{7,}/gu) ?? [];
  const elsewhere = new Set(others.filter((other) => other.slug !== article.slug).flatMap((other) => words(`${other.title} ${other.summary ?? ""} ${other.text} ${other.tags.join(" ")}`)));
  return words(article.text).find((word) => !elsewhere.has(word) && !/[iıİI]/.test(word[0]));
}

before(async () => {
  Object.assign(env, await publishedCopy("news-search-"));
  env.articles = await articles(env.root);
  env.langs = Object.keys(env.articles);
});

const url = (path) => env.origin + path;
const resultTitles = (page) => page.locator(".search-result__title a").allTextContents();
/** Waits until the search view has answered the search its URL asks for; resolves to its status line. */
async function answered(page) {
  await page.waitForFunction(() => {
    const body = document.querySelector(".search__body[data-answered]");
    if (!body) return false;
    const params = new URLSearchParams(location.search);
    const asked = ["q", "tag", "year"].map((name) => (params.get(name) ?? "").trim());
    return body.dataset.answered === JSON.stringify(asked);
  });
  return page.locator(".search__status").textContent();
}

test("publishing indexes every article of every language, and says so", async () => {
  assert.match(env.report, new RegExp(`wrote the search index of ${env.langs.join(", ")} into pagefind/ in [0-9.]+ s`));
  for (const lang of env.langs) {
    const entry = JSON.parse(await readFile(join(env.root, "pagefind", lang, "pagefind-entry.json"), "utf8"));
    const [index] = Object.values(entry.languages);
    assert.equal(index.page_count, env.articles[lang].length, `${lang}: one entry per article`);
    // Beside the index, the strings its results show in that language (they are not in the wasm).
    const { strings, dates } = JSON.parse(await readFile(join(env.root, "search-strings", `${lang}.json`), "utf8"));
    assert.match(strings.found, /\{n\}/, `${lang}: the count's sentence`);
    assert.equal(dates.months.length, 12);
  }
});

test("nothing of the search is loaded before the reader searches", () => withPage(env.browser, async (page) => {
  const fetched = [];
  page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  const lang = env.langs[0];
  await page.goto(url(`/${lang}/`));
  await page.waitForFunction(() => performance.getEntriesByName("news-portal:takeover").length > 0);
  await page.locator(".news-card__title a").first().click();
  await page.locator(".article").waitFor();
  assert.deepEqual(fetched.filter((path) => path.includes("/pagefind/") || path.endsWith("/search.js")), []);
  // The search view with nothing asked: its module, still no index.
  await page.goto(url(`/${lang}/search`));
  await answered(page);
  assert.ok(fetched.some((path) => path.endsWith("/search.js")));
  assert.deepEqual(fetched.filter((path) => path.includes("/pagefind/")), []);
}));

test("a word from one article's body finds that article, in every language, whatever its case", () => withPage(env.browser, async (page) => {
  for (const lang of env.langs) {
    const list = env.articles[lang];
    const article = list.find((candidate) => distinctiveWord(candidate, list));
    assert.ok(article, `${lang}: an article with a word of its own`);
    const word = distinctiveWord(article, list);
    // Mixed case: the first letter in capitals, as the language writes it.
    const typed = word[0].toLocaleUpperCase(lang) + word.slice(1);
    await page.goto(url(`/${lang}/`));
    await page.locator("#site-search").fill(typed);
    await page.locator("#site-search").press("Enter");
    await page.waitForURL((address) => address.pathname === `/${lang}/search`);
    assert.equal(new URL(page.url()).searchParams.get("q"), typed, "the query is in the URL");
    await answered(page);
    assert.deepEqual(await resultTitles(page), [article.title], `${lang}: "${typed}"`);
    // The words are marked in the excerpt, and the result leads to the article inside the app.
    assert.ok((await page.locator(".search-result mark").count()) > 0, `${lang}: the word is marked`);
    await page.locator(".search-result__title a").click();
    await page.waitForURL((address) => address.pathname === `/${lang}/news/${encodeURIComponent(article.slug)}`);
    assert.equal(await page.locator("main h1").textContent(), article.title);
    await page.goBack();
    await answered(page);
    assert.deepEqual(await resultTitles(page), [article.title], `${lang}: back to the results`);
    if (lang === env.langs[0]) await screenshot(page, `search-${lang}`);
  }
}));

test("a word typed without its language's letters (icaze for icazə, ещё as еще) finds what the word as written finds, marked as written", () => withPage(env.browser, async (page) => {
  let tried = 0;
  for (const lang of env.langs) {
    // The letters to fold are the publish step's table (search-strings/{lang}.json), not assumed here.
    const { folds } = JSON.parse(await readFile(join(env.root, "search-strings", `${lang}.json`), "utf8"));
    const table = new Map([...folds.matchAll(/(.)(.)/gsu)].map(([, from, to]) => [from, to]));
    const fold = (text) => [...text].map((c) => table.get(c) ?? c).join("");
    const list = env.articles[lang];
    // A word of some article's body with letters to fold and no other spelling elsewhere.
    const words = list.flatMap((article) => article.text.toLowerCase().match(/[\p{L}]{6,}/gu) ?? []);
    const word = words.find((candidate) => fold(candidate) !== candidate && !words.includes(fold(candidate)));
    if (!word) continue;
    tried += 1;
    const find = async (typed) => {
      await page.goto(url(`/${lang}/search?q=${encodeURIComponent(typed)}`));
      const status = await answered(page);
      return { status, titles: await resultTitles(page), marks: await page.locator(".search-result mark").allTextContents() };
    };
    const written = await find(word);
    const folded = await find(fold(word));
    assert.ok(written.titles.length > 0, `${lang}: "${word}" finds its story`);
    assert.deepEqual(folded.titles, written.titles, `${lang}: "${fold(word)}" finds what "${word}" finds`);
    assert.equal(folded.status, written.status);
    // The excerpt shows the words as the article writes them, never the folded twin the index holds.
    assert.ok(folded.marks.some((mark) => mark.toLowerCase().includes(word)), `${lang}: "${word}" marked as written: ${folded.marks}`);
    const shown = await page.locator(".search-result__excerpt, .search-result__title").allTextContents();
    const twin = new RegExp(`(^|[^\\p{L}])${fold(word)}([^\\p{L}]|$)`, "u");
    assert.ok(!shown.some((text) => twin.test(text.toLowerCase())), `${lang}: no "${fold(word)}" shown: ${shown.join(" | ")}`);
    if (lang === env.langs[0]) await screenshot(page, `search-folded-${lang}`);
  }
  assert.ok(tried > 0, "some language has words with letters to fold");
}));

test("a tag and a year narrow the list, and the URL keeps them through back, forward and reload", () => withPage(env.browser, async (page) => {
  const lang = env.langs.find((code) => env.articles[code].some((article) => article.tags.length > 0));
  assert.ok(lang, "some language has tagged articles");
  const list = env.articles[lang];
  // A tag with fewer articles than a page of results, so that all are on screen.
  const tags = [...new Set(list.flatMap((article) => article.tags))];
  const tag = tags.find((candidate) => list.filter((article) => article.tags.includes(candidate)).length <= 10);
  const tagged = list.filter((article) => article.tags.includes(tag));
  // The search for a tag (an article's tags lead to the tag's page where the
  // publish step made them: tests/e2e/reader.test.mjs): every article of that tag.
  await page.goto(url(`/${lang}/search?tag=${encodeURIComponent(tag)}`));
  await answered(page);
  assert.deepEqual((await resultTitles(page)).sort(), tagged.map((article) => article.title).sort());
  assert.equal(await page.locator("#search-tag").inputValue(), tag, "the filter shows its value");
  // A year narrows a search by words: the articles of that year only.
  const year = (article) => (article.published ?? "").slice(0, 4);
  const years = [...new Set(list.map(year).filter(Boolean))].sort();
  const [chosen] = years;
  await page.goto(url(`/${lang}/search?year=${chosen}`));
  await answered(page);
  const ofYear = list.filter((article) => year(article) === chosen);
  assert.equal(await page.locator(".search-result").count(), Math.min(ofYear.length, 10), "the first page of that year's articles");
  const yearOptions = await page.locator("#search-year option").allTextContents();
  assert.ok(yearOptions.some((text) => text.startsWith(`${chosen} (${ofYear.length})`)), `the year with its count: ${yearOptions}`);
  // Choosing "all years" in the form navigates; back and forward follow the URL.
  await page.locator("#search-year").selectOption("");
  await page.waitForURL((address) => !address.searchParams.has("year"));
  await page.goBack();
  await page.waitForURL((address) => address.searchParams.get("year") === chosen);
  await answered(page);
  assert.equal(await page.locator("#search-year").inputValue(), chosen);
  await page.reload();
  await answered(page);
  assert.equal(await page.locator("#search-year").inputValue(), chosen);
  assert.equal(await page.locator(".search-result").count(), Math.min(ofYear.length, 10));
  if (ofYear.length > 10) {
    await page.locator(".search-more").click();
    await page.waitForFunction((n) => document.querySelectorAll(".search-result").length === n, Math.min(ofYear.length, 20));
  }
}));

test("a search that finds nothing says so, and suggests what to try", () => withPage(env.browser, async (page) => {
  const lang = env.langs.includes("en") ? "en" : env.langs[0];
  await page.goto(url(`/${lang}/search?q=${encodeURIComponent("qqzzxxwy")}`));
  const status = await answered(page);
  assert.equal(await page.locator(".search-result").count(), 0);
  assert.ok(status.length > 20, `a sentence, not a bare count: ${status}`);
  assert.equal(await page.locator(".search__status").getAttribute("role"), "status", "announced to screen readers");
  await assertAccessible(page, "a search without results");
}));

test("a prerendered search page stays until the app's search has drawn its form and results: the form never leaves the screen", () => withPage(env.browser, async (page) => {
  const lang = env.langs[0];
  const list = env.articles[lang];
  const article = list.find((candidate) => distinctiveWord(candidate, list));
  const word = distinctiveWord(article, list);
  // search.js held back: the app starts, but its search view cannot draw yet.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route("**/search.js", async (route) => { await held; await route.continue(); });
  await page.addInitScript(() => {
    window.__formLeft = false;
    let seen = false;
    new MutationObserver(() => {
      const form = document.querySelector("main .search-form input[name=q]");
      if (form) seen = true;
      else if (seen) window.__formLeft = true;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url(`/${lang}/search?q=${encodeURIComponent(word)}`));
  await page.waitForRequest((request) => request.url().endsWith("/search.js"));
  assert.equal(await page.locator("#app[data-np-prerendered]").count(), 1, "the prerendered page while search.js loads");
  // The reader starts typing a new search in the prerendered form.
  await page.locator("#search-text").fill(`${word} x`);
  release();
  await answered(page);
  await page.locator("#app:not([data-np-prerendered])").waitFor({ state: "attached" });
  assert.deepEqual(await resultTitles(page), [article.title], "the app's results");
  assert.equal(await page.evaluate(() => window.__formLeft), false, "the search form stayed on screen throughout");
  assert.equal(await page.locator("#search-text").inputValue(), `${word} x`, "what the reader typed went with the takeover");
}));

test("a site published without its search index says that search is not available, and stays usable", async () => {
  // The app as built, never published: no index, no strings for it.
  const port = await freePort();
  const served = await start({ port });
  const lang = env.langs[0];
  const { strings } = JSON.parse(await readFile(join(env.root, "search-strings", `${lang}.json`), "utf8"));
  await withPage(served.browser, { allow: ["Failed to load resource"] }, async (page) => {
    await page.goto(`http://127.0.0.1:${port}/${lang}/search?q=word`);
    const status = page.locator(".search__status");
    await page.waitForFunction((text) => document.querySelector(".search__status")?.textContent === text, strings.search_unavailable);
    assert.equal(await status.getAttribute("role"), "status", "announced to screen readers");
    // The rest of the app still works: the header leads back to the news.
    await page.locator(".site-nav a").first().click();
    await page.waitForURL((address) => address.pathname === `/${lang}/`);
    await page.locator(".news-card").first().waitFor();
  });
});

test("the search view is accessible, and answers without JavaScript with its form", async () => {
  const lang = env.langs[0];
  await withPage(env.browser, async (page) => {
    const list = env.articles[lang];
    await page.goto(url(`/${lang}/search?q=${encodeURIComponent(list[0].title.split(/\s+/)[0])}`));
    await answered(page);
    await assertAccessible(page, "the search view with results");
  });
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(url(`/${lang}/`));
    await page.locator("#site-search").fill("x");
    await page.locator("#site-search").press("Enter");
    await page.waitForURL((address) => address.pathname === `/${lang}/search` && address.searchParams.get("q") === "x");
    assert.equal(await page.locator("main h1").count(), 1, "the search view's page");
    assert.equal(await page.locator("form.search-form input[name=q]").count(), 1);
  } finally {
    await context.close();
  }
});

test("under the strict Content-Security-Policy of deploy/ (no eval), a search runs without a violation", async () => {
  // A copy published for its own origin: the prerendered pages' URLs are absolute.
  const root = await mkdtemp(join(tmpdir(), "news-search-csp-"));
  onCleanup(() => rm(root, { recursive: true, force: true }));
  await cp(DIST, root, { recursive: true });
  await rm(join(root, "api"), { recursive: true, force: true });
  const port = await freePort();
  await publish(root, `http://127.0.0.1:${port}`);
  const served = await start({ root, port, headers: { "Content-Security-Policy": await strictCsp() } });
  const lang = env.langs[0];
  const list = env.articles[lang];
  const article = list.find((candidate) => distinctiveWord(candidate, list));
  // withPage fails on any console error, which is where a CSP violation shows.
  await withPage(served.browser, async (page) => {
    await page.goto(`http://127.0.0.1:${port}/${lang}/search?q=${encodeURIComponent(distinctiveWord(article, list))}`);
    await answered(page);
    assert.deepEqual(await resultTitles(page), [article.title]);
  });
});

test("under a sub-path, results lead to the articles under it", async () => {
  const base = "/portal/news/";
  const dir = await deployCopy({ base });
  await rm(join(dir, "api"), { recursive: true, force: true });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  await publish(dir, origin);
  const served = await start({ root: dir, port, prefix: base });
  const lang = env.langs[0];
  const list = env.articles[lang];
  const article = list.find((candidate) => distinctiveWord(candidate, list));
  await withPage(served.browser, async (page) => {
    await page.goto(`${origin}${base}${lang}/search?q=${encodeURIComponent(distinctiveWord(article, list))}`);
    await answered(page);
    const href = await page.locator(".search-result__title a").first().getAttribute("href");
    assert.equal(href, `${base}${lang}/news/${encodeURIComponent(article.slug)}`);
  });
});

test("embedded in a portal page (examples/portal.html), the search finds and links under the portal's path", async () => {
  // The portal's web root: its page, and the app published under /news-app/.
  const root = await mkdtemp(join(tmpdir(), "news-search-portal-"));
  onCleanup(() => rm(root, { recursive: true, force: true }));
  await cp(join(EXAMPLES, "portal.html"), join(root, "portal.html"));
  await cp(join(EXAMPLES, "portal.css"), join(root, "portal.css"));
  // Published where it lies (<base href="/news-app/">), so the index's thumbnails point there.
  const app = await deployCopy({ into: join(root, "news-app"), base: "/news-app/" });
  await rm(join(app, "api"), { recursive: true, force: true });
  const port = await freePort();
  await publish(app, `http://127.0.0.1:${port}`);
  const served = await start({ root, port, fallback: "portal.html" });
  const lang = env.langs.includes("en") ? "en" : env.langs[0];
  const list = env.articles[lang];
  const article = list.find((candidate) => distinctiveWord(candidate, list));
  await withPage(served.browser, async (page) => {
    await page.goto(`http://127.0.0.1:${port}/portal/news/${lang}/`);
    await page.locator("#site-search").fill(distinctiveWord(article, list));
    await page.locator("#site-search").press("Enter");
    await page.waitForURL((address) => address.pathname === `/portal/news/${lang}/search`);
    await answered(page);
    assert.equal(await page.locator("main").count(), 1, "the portal's <main> is the only one");
    await page.locator(".search-result__title a").first().click();
    await page.waitForURL((address) => address.pathname === `/portal/news/${lang}/news/${encodeURIComponent(article.slug)}`);
    assert.equal(await page.locator("#app h1").textContent(), article.title);
  });
});
