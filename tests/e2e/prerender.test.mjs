// The published site (scripts/publish on a copy of dist/: the API tree built
// from content/ by build-api, checked, every route prerendered): what a reader
// without JavaScript, a reader with it, a link-preview bot and a crawler get.
// Everything expected is read from the data in the copy, never assumed.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import {
  DIST, freePort, onCleanup, prerender, publish, start, withPage, openPage, settled, screenshot, assertAccessible,
} from "./harness.mjs";

const env = {};
const json = async (path) => JSON.parse(await readFile(join(env.root, "api", path), "utf8"));

before(async () => {
  env.root = await mkdtemp(join(tmpdir(), "news-prerendered-"));
  onCleanup(() => rm(env.root, { recursive: true, force: true }));
  await cp(DIST, env.root, { recursive: true });
  const port = await freePort();
  env.origin = `http://127.0.0.1:${port}`;
  // The tree the app reads is the one build-api makes from content/ here.
  await rm(join(env.root, "api"), { recursive: true, force: true });
  env.report = await publish(env.root, env.origin);
  Object.assign(env, await start({ root: env.root, port }));
  env.site = await json("site.json");
  env.langs = env.site.languages.map((language) => language.code);
  // Every listing page of every language, in order.
  env.listings = {};
  for (const lang of env.langs) {
    const first = await json(`${lang}/news/page-1.json`);
    env.listings[lang] = [first];
    for (let n = 2; n <= first.total_pages; n++) env.listings[lang].push(await json(`${lang}/news/page-${n}.json`));
  }
});

const url = (path) => env.origin + path;
const articlesOf = (lang) => env.listings[lang].flatMap((listing) => listing.items);
const htmlFiles = async (dir) => (await readdir(dir, { recursive: true }))
  .filter((file) => file.endsWith(".html") && !file.startsWith("api") && !file.startsWith("pagefind") && !["index.html", "404.html"].includes(file));

/** A page with JavaScript off, as a crawler or a reader who turned it off sees it. */
async function withoutScripts(body) {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await body(page);
  } finally {
    await context.close();
  }
}

test("the step writes a page for every route of every language, and says what it wrote", async () => {
  const files = new Set(await htmlFiles(env.root));
  let expected = 0;
  for (const lang of env.langs) {
    const pages = env.listings[lang].length;
    assert.ok(files.has(`${lang}/index.html`), `${lang}: listing page 1`);
    for (let n = 2; n <= pages; n++) assert.ok(files.has(`${lang}/page/${n}.html`), `${lang}: listing page ${n}`);
    const slugs = new Set(articlesOf(lang).map((item) => item.slug));
    for (const slug of slugs) assert.ok(files.has(`${lang}/news/${slug}.html`), `${lang}: article ${slug}`);
    for (const legal of ["terms", "privacy"]) assert.ok(files.has(`${lang}/${legal}.html`), `${lang}: ${legal}`);
    assert.ok(files.has(`${lang}/search.html`), `${lang}: the search view's form`);
    assert.match(env.report, new RegExp(`wrote +${slugs.size} article page\\(s\\) in ${lang}`));
    // Each tag's listing pages (derived by the publish step), and the optional statement.
    const tagPages = [...files].filter((file) => file.startsWith(`${lang}/tags/`)).length;
    const tagDocuments = (await readdir(join(env.root, "api", lang, "tags"), { recursive: true })).filter((file) => file.endsWith(".json")).length;
    assert.equal(tagPages, tagDocuments, `${lang}: a page per tag listing document`);
    const statement = files.has(`${lang}/accessibility.html`) ? 1 : 0;
    expected += pages + slugs.size + 3 + tagPages + statement;
  }
  assert.equal(files.size, expected, "nothing else was written");
  assert.match(env.report, new RegExp(`prerendered ${expected} pages in [0-9.]+ s \\([0-9]+ pages/s\\), 0 skipped`));
});

test("without JavaScript every view is complete: listing, pagination, article, language switch, legal pages", () => withoutScripts(async (page) => {
  const [lang, other] = env.langs;
  const first = env.listings[lang][0];
  await page.goto(url(`/${lang}/`));
  assert.equal(await page.locator("html").getAttribute("lang"), lang);
  assert.equal(await page.locator("main .news-card").count(), first.items.length);
  assert.equal(await page.locator(".news-card__title a").first().textContent(), first.items[0].title);
  assert.equal(await page.locator(".skeleton").count(), 0);
  assert.ok((await page.locator(".brand-name").textContent()).trim().length > 0, "the agency's name");
  if (first.total_pages > 1) {
    await page.locator(".pagination a[rel=next]").click();
    await page.waitForURL(url(`/${lang}/page/2`));
    assert.equal(await page.locator(".news-card__title a").first().textContent(), env.listings[lang][1].items[0].title);
  }
  await page.locator(".news-card__title a").first().click();
  const item = env.listings[lang][first.total_pages > 1 ? 1 : 0].items[0];
  await page.waitForURL(url(`/${lang}/news/${item.slug}`));
  assert.equal(await page.locator("main h1").textContent(), item.title);
  const article = await json(`${lang}/news/${item.slug}.json`);
  if (article.photo) assert.equal(await page.locator(".article > .photo img").count(), 1);
  assert.ok((await page.locator(".rich-text").textContent()).trim().length > 0, "the body");
  assert.equal(await page.locator(".skip-link").getAttribute("href"), `/${lang}/news/${item.slug}#main-content`);
  await screenshot(page, "prerendered-article-no-js");
  if (other) {
    await page.locator(`.language-switcher a[hreflang="${other}"]`).click();
    await page.waitForLoadState();
    assert.equal(await page.locator("html").getAttribute("lang"), other);
    assert.ok((await page.locator("main h1").textContent()).length > 0);
  }
  await page.locator(".site-footer__links a").first().click();
  await page.waitForURL(/\/terms$/);
  const terms = await json(`${other ?? lang}/pages/terms.json`);
  assert.equal(await page.locator("main h1").textContent(), terms.title);
}));

test("prerendered pages pass axe-core as they are, before the app starts, and stay when the app cannot start", () => withPage(env.browser, { allow: ["Failed to load resource", "news portal"] }, async (page) => {
  const lang = env.langs[0];
  const item = articlesOf(lang)[0];
  await page.route("**/*.wasm", (route) => route.abort());
  for (const path of [`/${lang}/`, `/${lang}/news/${item.slug}`, `/${lang}/privacy`]) {
    await page.goto(url(path));
    await page.waitForTimeout(300);
    assert.equal(await page.locator("#app[data-np-prerendered] main h1").count(), 1, `${path}: the prerendered view stays`);
    assert.equal(await page.getByRole("alert").count(), 0, `${path}: no "could not start" over a complete page`);
    await assertAccessible(page, `prerendered ${path}`);
  }
  page.problems.length = 0; // the aborted wasm, on purpose
}));

test("without JavaScript, a route that was not prerendered offers each language's news", () => withoutScripts(async (page) => {
  await page.goto(url(`/${env.langs[0]}/news/published-after-the-prerender`));
  const links = page.locator("noscript ul a, ul[data-np-languages] a");
  // Chromium shows <noscript> content as markup when scripting is off.
  assert.equal(await links.count(), env.langs.length);
  for (const [index, language] of env.site.languages.entries()) {
    assert.equal(await links.nth(index).getAttribute("href"), `/${language.code}/`);
    assert.equal(await links.nth(index).textContent(), language.name);
  }
}));

/**
 * Opens `path` with the wasm held back until the test lets it go, so that the
 * reader can act on the prerendered page first; records layout shifts and any
 * skeleton that reaches the document.
 */
async function openHeld(page, path) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route("**/*.wasm", async (route) => { await held; await route.continue(); });
  await page.addInitScript(() => {
    window.__shift = 0;
    window.__skeleton = false;
    window.__sameDocument = true;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
    new MutationObserver(() => {
      if (document.querySelector(".skeleton")) window.__skeleton = true;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url(path));
  return release;
}

const takenOver = (page) => page.locator("#app:not([data-np-prerendered])").waitFor({ state: "attached" });

test("with JavaScript the app takes over: same text, no shift, no skeleton, focus and scroll kept, then routes on the client", () => withPage(env.browser, { viewport: { width: 800, height: 600 } }, async (page) => {
  const lang = env.langs[0];
  const release = await openHeld(page, `/${lang}/`);
  assert.equal(await page.locator("#app[data-np-prerendered]").count(), 1, "the prerendered page is up before the app");
  const before = await page.locator("#app").innerText();
  // The reader scrolls and tabs to a card's link before the app has started.
  const target = page.locator(".news-card__title a").nth(2);
  await target.focus();
  await page.evaluate(() => window.scrollTo(0, 500));
  const scrolled = await page.evaluate(() => window.scrollY);
  const focused = await page.evaluate(() => document.activeElement.getAttribute("href"));
  const head = () => page.evaluate(() => ({
    title: document.title,
    titles: document.querySelectorAll("title").length,
    descriptions: [...document.querySelectorAll('meta[name="description"]')].map((meta) => meta.content),
    alternates: [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((link) => `${link.hreflang} ${link.href}`),
  }));
  const headBefore = await head();
  assert.ok(headBefore.alternates.length > 0, "the prerendered page has its hreflang links");
  release();
  await takenOver(page);
  await page.waitForTimeout(300); // a frame or two after the swap
  assert.equal(await page.locator("#app").innerText(), before, "the same text after the takeover");
  assert.equal(await page.evaluate(() => window.__shift), 0, "no layout shift");
  assert.equal(await page.evaluate(() => window.__skeleton), false, "no skeleton reached the page");
  assert.equal(await page.evaluate(() => window.scrollY), scrolled, "the scroll position is kept");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("href")), focused, "focus is kept");
  assert.deepEqual(await head(), headBefore, "the app keeps the prerendered title, description and hreflang links: none doubled, none lost");

  // From now on the app routes: following a card is no page load.
  const item = env.listings[lang][0].items[0];
  await page.locator(".news-card__title a").first().click();
  await page.waitForURL(url(`/${lang}/news/${item.slug}`));
  await settled(page);
  assert.equal(await page.locator("main h1").textContent(), item.title);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, "a client-side navigation");
  assert.equal(await page.locator("head [data-np-head]").count(), 0, "the first view's crawler tags went with it");
  await screenshot(page, "prerendered-article-js");
}));

test("a prerendered page opened at its file's URL (.html) gets the same view and title from the app as at its own URL", () => withPage(env.browser, async (page) => {
  const lang = env.langs[0];
  const item = articlesOf(lang)[0];
  for (const path of [`/${lang}/terms`, `/${lang}/news/${encodeURIComponent(item.slug)}`, `/${lang}/`]) {
    const file = path.endsWith("/") ? `${path}index.html` : `${path}.html`;
    const seen = [];
    for (const at of [path, file]) {
      await page.goto(url(at));
      await takenOver(page);
      await settled(page);
      seen.push({ title: await page.title(), heading: await page.locator("main h1").textContent() });
    }
    assert.deepEqual(seen[1], seen[0], file);
    assert.doesNotMatch(seen[1].title, /not found/i, file);
  }
}));

test("every article reads the same before and after the takeover: the host's sanitizer and the browser's walk agree", async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const still = await context.newPage();
  const page = await openPage(env.browser);
  try {
    let compared = 0;
    for (const lang of env.langs) {
      for (const slug of new Set(articlesOf(lang).map((item) => item.slug))) {
        const path = `/${lang}/news/${slug}`;
        await still.goto(url(path));
        const prerendered = {
          body: await still.locator(".rich-text").innerHTML(),
          text: await still.locator("#app").innerText(),
        };
        await page.goto(url(path));
        await takenOver(page); // the swap waits for the app's body to be filled
        assert.equal(await page.locator(".rich-text").innerHTML(), prerendered.body, `${path}: body`);
        assert.equal(await page.locator("#app").innerText(), prerendered.text, `${path}: text`);
        compared++;
      }
    }
    assert.ok(compared > 0);
    page.assertClean();
  } finally {
    await page.close();
    await context.close();
  }
});

test("data changed since the prerender: the app's fresh view replaces the old one", async () => {
  const lang = env.langs[0];
  const file = join(env.root, "api", lang, "news", "page-1.json");
  const original = await readFile(file, "utf8");
  const changed = JSON.parse(original);
  changed.items[0].title = "A headline written after the prerender";
  await writeFile(file, JSON.stringify(changed));
  try {
    await withPage(env.browser, async (page) => {
      await page.goto(url(`/${lang}/`));
      await takenOver(page);
      await page.locator(".news-card__title a", { hasText: "A headline written after the prerender" }).waitFor();
    });
  } finally {
    await writeFile(file, original);
  }
});

/** The `<meta property|name>` tags of an HTML text, as a preview bot reads them. */
function metaTags(html) {
  const tags = {};
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/g)) {
    const key = tag.match(/\b(?:property|name)="([^"]+)"/)?.[1];
    const content = tag.match(/\bcontent="([^"]*)"/)?.[1];
    if (key && content !== undefined) (tags[key] ??= []).push(content.replaceAll("&amp;", "&").replaceAll("&quot;", '"'));
  }
  return tags;
}

test("a link-preview bot that runs no script gets the article's title, description, photo and URL", async () => {
  const lang = env.langs[0];
  // An article whose photo has variants if there is one (its preview is the JPEG nearest 1200 px).
  const item = articlesOf(lang).find((entry) => entry.photo?.sources?.length)
    ?? articlesOf(lang).find((entry) => entry.photo) ?? articlesOf(lang)[0];
  const article = await json(`${lang}/news/${item.slug}.json`);
  const pageUrl = url(`/${lang}/news/${item.slug}`);
  const response = await fetch(pageUrl, { headers: { "user-agent": "facebookexternalhit/1.1" } });
  assert.equal(response.status, 200);
  const html = await response.text();
  const meta = metaTags(html);
  const title = html.match(/<title>([^<]*)<\/title>/)[1];
  assert.ok(title.startsWith(article.title), "the <title> names the article");
  // The article's own title; the agency's name is og:site_name.
  assert.deepEqual(meta["og:title"], [article.title]);
  assert.ok(title.includes(meta["og:site_name"][0]));
  assert.deepEqual(meta["og:type"], ["article"]);
  assert.deepEqual(meta["og:url"], [pageUrl]);
  assert.match(meta["og:locale"][0], new RegExp(`^${lang}_[A-Z]{2}$`), "Open Graph's language_TERRITORY");
  assert.equal(meta["og:locale:alternate"]?.length ?? 0, Object.keys(article.translations ?? {}).length);
  if (article.summary) assert.deepEqual(meta["og:description"], [article.summary]);
  assert.match(html, new RegExp(`<link rel="canonical" href="${pageUrl}"`));
  if (article.photo) {
    const image = meta["og:image"][0];
    assert.match(image, /^http:\/\/127\.0\.0\.1:\d+\//, "an absolute image URL");
    const fetched = await fetch(image);
    assert.equal(fetched.status, 200, "the image is there");
    assert.match(fetched.headers.get("content-type"), /^image\//);
    assert.deepEqual(meta["og:image:alt"], [article.photo.alt]);
    const jpegs = (article.photo.sources ?? []).filter((source) => source.type === "image/jpeg");
    if (jpegs.length) {
      const preview = jpegs.reduce((best, source) => Math.abs(source.width - 1200) < Math.abs(best.width - 1200) ? source : best);
      assert.ok(image.endsWith(preview.src.split("/").at(-1)), `the JPEG variant nearest 1200 px: ${image}`);
      assert.match(fetched.headers.get("content-type"), /^image\/jpeg/);
      assert.deepEqual(meta["og:image:width"], [String(preview.width)]);
      const height = Math.round(article.photo.height * preview.width / article.photo.width);
      assert.deepEqual(meta["og:image:height"], [String(height)]);
    } else {
      // An SVG: its JPEG rendition, drawn by the publish step.
      assert.match(fetched.headers.get("content-type"), /^image\/jpeg/);
      assert.ok(Number(meta["og:image:width"][0]) >= 1200);
    }
    assert.deepEqual(meta["twitter:card"], ["summary_large_image"]);
  }
  // A date alone is the start of that day in the site's time zone (site.json's timezone).
  const moment = (raw) => (raw.length > 10 ? raw : new RegExp(`^${raw}T00:00:00([+-]\\d\\d:\\d\\d)$`));
  const sameMoment = (value, raw, what) => (typeof moment(raw) === "string" ? assert.equal(value, raw, what) : assert.match(value, moment(raw), what));
  assert.equal(meta["article:published_time"].length, 1);
  sameMoment(meta["article:published_time"][0], article.published, "article:published_time");
  const ld = JSON.parse(html.match(/<script type="application\/ld\+json"[^>]*>([^<]*)<\/script>/)[1]);
  assert.equal(ld["@type"], "NewsArticle");
  assert.equal(ld.headline, article.title);
  assert.equal(ld.inLanguage, lang);
  assert.equal(ld.author["@type"], "Organization");
  sameMoment(ld.datePublished, article.published, "datePublished");
  sameMoment(ld.dateModified, article.updated ?? article.published, "dateModified: the publication when never updated");
  for (const image of [ld.publisher.logo.url, ...(ld.image ?? [])]) {
    assert.match((await fetch(image)).headers.get("content-type"), /^image\/(jpeg|png)/, image);
  }
  // The article's text is in the HTML itself.
  assert.ok(html.includes(`>${article.title.replaceAll("&", "&amp;")}</h1>`));
});

/** Parses `xml` with the browser's XML parser; fails on a parse error. */
async function parseXml(page, xml, query) {
  return page.evaluate(([xml, query]) => {
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    if (doc.querySelector("parsererror")) return { error: doc.querySelector("parsererror").textContent };
    return { values: [...doc.getElementsByTagNameNS("*", query.tag)].map((el) => query.attr ? el.getAttribute(query.attr) : el.textContent) };
  }, [xml, query]);
}

test("sitemap.xml lists every prerendered page with its alternates; robots.txt points to it; each language has a feed", () => withPage(env.browser, async (page) => {
  const robots = await (await fetch(url("/robots.txt"))).text();
  assert.match(robots, new RegExp(`^Sitemap: ${url("/sitemap.xml")}$`, "m"));
  const sitemap = await (await fetch(url("/sitemap.xml"))).text();
  const locs = await parseXml(page, sitemap, { tag: "loc" });
  assert.equal(locs.error, undefined, locs.error);
  // Every page but the search views' (noindex).
  // Percent-encoded as URLs are (a tag's URL form may hold any letter).
  const expected = (await htmlFiles(env.root)).filter((file) => !file.endsWith("/search.html")).map((file) =>
    url("/" + file.replace(/index\.html$/, "").replace(/\.html$/, "").split("/").map(encodeURIComponent).join("/"))).sort();
  assert.deepEqual([...locs.values].sort(), expected);
  const alternates = await parseXml(page, sitemap, { tag: "link", attr: "hreflang" });
  assert.ok(alternates.values.length >= locs.values.length, "hreflang alternates are listed");

  for (const lang of env.langs) {
    const feedUrl = url(`/${lang}/feed.xml`);
    const response = await fetch(feedUrl);
    assert.equal(response.status, 200);
    const feed = await response.text();
    const links = await parseXml(page, feed, { tag: "entry" });
    assert.equal(links.error, undefined, links.error);
    const hrefs = await parseXml(page, feed, { tag: "link", attr: "href" });
    const newest = articlesOf(lang).slice(0, 20).map((item) => url(`/${lang}/news/${encodeURIComponent(item.slug)}`));
    assert.deepEqual(hrefs.values.slice(2), newest, `${lang}: the feed lists the latest articles, newest first`);
    // Entry ids from the site's tag_authority, which no origin changes.
    const { tag_authority: authority } = await json("site.json");
    const ids = await parseXml(page, feed, { tag: "id" });
    if (authority) assert.ok(ids.values.every((id) => id.startsWith(`tag:${authority}:`)), ids.values[0]);
    // Discoverable from every page of the language.
    const listing = await (await fetch(url(`/${lang}/`))).text();
    assert.match(listing, new RegExp(`<link rel="alternate" type="application/atom\\+xml" href="/${lang}/feed.xml"`));
  }
}));

test("titles and bodies with markup in them stay text; nothing breaks out of the JSON-LD", async () => {
  const root = await mkdtemp(join(tmpdir(), "news-prerender-hostile-"));
  onCleanup(() => rm(root, { recursive: true, force: true }));
  await cp(env.root, root, { recursive: true });
  const lang = env.langs[0];
  const slug = articlesOf(lang)[0].slug;
  const file = join(root, "api", lang, "news", `${slug}.json`);
  const article = JSON.parse(await readFile(file, "utf8"));
  article.title = `</script><script>window.__owned = 1</script><img src=x onerror="window.__owned = 2">`;
  article.summary = `"><script>window.__owned = 3</script>`;
  article.body_html = `<p>Safe</p><script>window.__owned = 4</script><img src="x" onerror="window.__owned = 5"><a href="javascript:window.__owned = 6">x</a>`;
  await writeFile(file, JSON.stringify(article));
  await prerender(root);
  const html = await readFile(join(root, lang, "news", `${slug}.html`), "utf8");
  const ld = JSON.parse(html.match(/<script type="application\/ld\+json"[^>]*>([^<]*)<\/script>/)[1]);
  assert.equal(ld.headline, article.title, "the JSON-LD holds the title as text");
  assert.equal(ld.description, article.summary);
  // The page as a browser parses it: the hostile text is text, nothing else.
  await withoutScripts(async (page) => {
    await page.goto("file://" + join(root, lang, "news", `${slug}.html`));
    const found = await page.evaluate(() => ({
      scripts: [...document.scripts].filter((s) => s.type !== "application/ld+json" && !s.hasAttribute("data-np-wasm")).length,
      handlers: [...document.querySelectorAll("*")].flatMap((el) => [...el.attributes].map((a) => a.name)).filter((n) => n.startsWith("on")),
      javascript: [...document.querySelectorAll("[href], [src]")].filter((el) => /^\s*javascript:/i.test(el.getAttribute("href") ?? el.getAttribute("src"))).length,
      title: document.title,
      description: document.querySelector('meta[name="description"]').content,
      ogTitle: document.querySelector('meta[property="og:title"]').content,
    }));
    assert.deepEqual({ scripts: found.scripts, handlers: found.handlers, javascript: found.javascript }, { scripts: 0, handlers: [], javascript: 0 });
    assert.ok(found.title.startsWith(article.title), "the title is text");
    assert.ok(found.ogTitle.startsWith(article.title));
    assert.equal(found.description, article.summary);
    assert.equal(await page.locator("main h1").textContent(), article.title);
    assert.equal(await page.locator(".rich-text").innerHTML(), '<p>Safe</p><img src="./api/' + lang + '/news/x" loading="lazy" decoding="async" alt="">x');
  });
  assert.doesNotMatch(html, /prerender\.invalid/, "without --origin, no placeholder origin is left");
});
