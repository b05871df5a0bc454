// Dark mode and print (issue 34), CSS only: the reader's colour scheme
// (prefers-color-scheme, declared with color-scheme) gives a dark page that
// axe-core passes, as the light one; print media leaves the article as a plain
// document; inside a portal page the app follows the portal's own choice, and
// a portal that states none keeps it light.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../../scripts/lib/server.mjs";
import { DIST, EXAMPLES, deployCopy, onCleanup, servedApp, withPage, settled, assertAccessible, screenshot } from "./harness.mjs";

// An article with a photo, as the data has it (never a slug assumed here).
let ARTICLE, CAPTIONED;
const env = servedApp();
const url = env.url;
const portal = {};

before(async () => {
  // The portal's web root as tests/e2e/portal.test.mjs lays it out: its page and
  // stylesheet, and dist/ as is under /news-app/.
  portal.root = await mkdtemp(join(tmpdir(), "news-schemes-"));
  onCleanup(() => rm(portal.root, { recursive: true, force: true }));
  await cp(join(EXAMPLES, "portal.html"), join(portal.root, "portal.html"));
  await cp(join(EXAMPLES, "portal.css"), join(portal.root, "portal.css"));
  await deployCopy({ into: join(portal.root, "news-app") });
  portal.server = await serve(portal.root, { fallback: "portal.html" });
  onCleanup(() => portal.server.close());
  const { default_language: lang } = JSON.parse(await readFile(join(DIST, "api", "site.json"), "utf8"));
  const { items } = JSON.parse(await readFile(join(DIST, "api", lang, "news", "page-1.json"), "utf8"));
  const captioned = (candidate) => candidate.photo?.caption || candidate.photo?.credit;
  const item = items.find(captioned) ?? items.find((candidate) => candidate.photo) ?? items[0];
  ARTICLE = `/${lang}/news/${encodeURIComponent(item.slug)}`;
  CAPTIONED = Boolean(captioned(item));
});

/** Opens `path` of the app and waits for its view, the app's own (a prerendered page taken over). */
async function open(page, path) {
  await page.goto(url(path));
  await settled(page);
  await page.locator("#app:not([data-np-prerendered])").waitFor({ state: "attached" });
}

/** WCAG relative luminance of a computed `rgb()`/`rgba()` colour. */
function luminance(colour) {
  const [r, g, b] = colour.match(/[\d.]+/g).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Computed colours of the app's root, its heading and header, and its colour scheme. */
function looks(page, root = ".news-portal") {
  return page.evaluate((root) => {
    const style = (selector) => getComputedStyle(document.querySelector(`${root} ${selector}`.trim()));
    const app = getComputedStyle(document.querySelector(root));
    return {
      background: app.backgroundColor,
      text: app.color,
      heading: style("h1").color,
      header: style(".site-header").backgroundColor,
    };
  }, root);
}

test("dark: the article is light text on a dark page, the header keeps the agency's blue, photos as they are", () => withPage(env.browser, async (page) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await open(page, ARTICLE);
  const look = await looks(page);
  // Declared by the page (index.html's meta, copied into every prerendered
  // page), so form controls and scrollbars follow; the app's root inherits it.
  assert.match(await page.locator('meta[name="color-scheme"]').getAttribute("content"), /dark/);
  assert.ok(luminance(look.background) < 0.05, `a dark page: ${look.background}`);
  assert.ok(luminance(look.text) > 0.7, `light text: ${look.text}`);
  assert.ok(luminance(look.heading) > 0.7, `light heading: ${look.heading}`);
  assert.equal(look.header, "rgb(29, 79, 122)", "the header keeps the agency's blue");
  const photo = await page.evaluate(() => getComputedStyle(document.querySelector("main figure img")).filter);
  assert.equal(photo, "none", "photos are not inverted or dimmed");
  await screenshot(page, "article-dark");
}));

test("light stays as it was: dark text on white", () => withPage(env.browser, async (page) => {
  await page.emulateMedia({ colorScheme: "light" });
  await open(page, ARTICLE);
  const look = await looks(page);
  assert.equal(look.background, "rgb(255, 255, 255)");
  assert.equal(look.text, "rgb(27, 31, 36)");
}));

for (const scheme of ["light", "dark"]) {
  test(`axe-core passes on the listing and the article in the ${scheme} scheme`, () => withPage(env.browser, async (page) => {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page, "/en/");
    await assertAccessible(page, `the listing (${scheme})`);
    await screenshot(page, `listing-${scheme}`);
    await open(page, ARTICLE);
    await assertAccessible(page, `the article (${scheme})`);
  }));
}

test("print: the article as a plain document, without the site's chrome", () => withPage(env.browser, async (page) => {
  await open(page, ARTICLE);
  const address = page.locator(".article__address");
  assert.equal(await address.count(), 1, "the article holds its address line");
  assert.equal(await address.isVisible(), false, "the address line is for print only");

  // Printed from a dark screen: still black on white.
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  for (const selector of [".site-search", ".language-switcher", ".site-nav", ".site-footer__links", ".skip-link", ".article-tools"]) {
    assert.ok(await page.locator(selector).count() > 0, `${selector} is on the page`);
    for (const element of await page.locator(selector).all()) {
      assert.equal(await element.isVisible(), false, `${selector} is not printed`);
    }
  }
  for (const element of await page.locator(".related, .pagination").all()) {
    assert.equal(await element.isVisible(), false, "related news and pagination are not printed");
  }
  const heading = page.getByRole("heading", { level: 1 });
  assert.equal(await heading.isVisible(), true, "the title is printed");
  assert.equal(await page.locator("main figure.photo img").first().isVisible(), true, "the photo is printed");
  if (CAPTIONED) assert.equal(await page.locator("main figure.photo figcaption").first().isVisible(), true, "with its caption and credit");
  assert.equal(await page.locator("main .rich-text").first().isVisible(), true, "the body is printed");
  assert.equal(await address.isVisible(), true, "the page's address is printed");
  assert.ok((await address.getAttribute("data-url")).endsWith(new URL(page.url()).pathname), "its own address");
  assert.match(await address.evaluate((element) => getComputedStyle(element, "::after").content), /^"http/);
  const colours = await page.evaluate(() => ({
    heading: getComputedStyle(document.querySelector("main h1")).color,
    body: getComputedStyle(document.querySelector("main .rich-text p")).color,
    page: getComputedStyle(document.querySelector(".news-portal")).backgroundColor,
  }));
  assert.deepEqual(colours, { heading: "rgb(0, 0, 0)", body: "rgb(0, 0, 0)", page: "rgb(255, 255, 255)" }, "black on white");
  await screenshot(page, "article-print");
}));

test("inside a portal page: light while the portal states no colour scheme, dark once it declares one", () => withPage(env.browser, async (page) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(portal.server.url + "/portal/news" + ARTICLE);
  await settled(page);
  const light = await looks(page, "#app");
  assert.equal(light.background, "rgb(255, 255, 255)", "a portal that says nothing keeps the app light");
  assert.equal(light.text, "rgb(27, 31, 36)");
  await assertAccessible(page, "the app inside the portal (dark system, portal silent)", "#app");

  // The portal opts in on its root, as a portal with its own dark mode does.
  await page.addStyleTag({ content: ":root { color-scheme: light dark; }" });
  const dark = await looks(page, "#app");
  assert.ok(luminance(dark.background) < 0.05, `the app follows the portal into dark: ${dark.background}`);
  assert.ok(luminance(dark.text) > 0.7, `light text: ${dark.text}`);
  await assertAccessible(page, "the app inside the portal (dark)", "#app");
  await screenshot(page, "portal-dark");
}));
