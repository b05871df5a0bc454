// The app embedded in examples/portal.html, a portal page with its own header,
// menu, footer and careless global CSS: the app renders right there, its routes
// live under the portal's path, and nothing of its styles reaches the portal.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, EXAMPLES, deployCopy, onCleanup, start, openPage, withPage, settled, walk, assertAccessible, screenshot } from "./harness.mjs";

const BASE = "/portal/news/";
let root, env;

before(async () => {
  // The portal's web root: its page and stylesheet, and dist/ as is under /news-app/.
  root = await mkdtemp(join(tmpdir(), "news-portal-"));
  onCleanup(() => rm(root, { recursive: true, force: true }));
  await cp(join(EXAMPLES, "portal.html"), join(root, "portal.html"));
  await cp(join(EXAMPLES, "portal.css"), join(root, "portal.css"));
  await deployCopy({ into: join(root, "news-app") });
  // The same page without the app's snippet, to compare the portal's own look.
  const page = await readFile(join(root, "portal.html"), "utf8");
  const bare = page.replace(/<!-- The news app:[\s\S]*?<!-- End of the news app. -->/, "");
  assert.notEqual(bare, page, "examples/portal.html marks the app's snippet");
  await writeFile(join(root, "bare.html"), bare);
  env = await start({ root, fallback: "portal.html" });
});


/** Computed styles of the portal's own elements that careless app CSS would change. */
async function portalLook(page) {
  return page.evaluate(() => {
    const pick = (selector, props) => {
      const el = document.querySelector(selector);
      const style = getComputedStyle(el);
      return [selector, Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]))];
    };
    const text = ["color", "font-family", "font-size", "line-height", "box-sizing", "margin-top", "text-transform", "list-style-type", "padding-left", "background-color"];
    return Object.fromEntries([
      pick("body", text), pick(".portal-header", text), pick(".portal-title a", text),
      pick(".portal-menu ul", text), pick(".portal-menu a", text), pick(".portal-aside h2", text),
      pick(".portal-aside ul", text), pick(".portal-aside a", text), pick(".portal-breadcrumbs", text),
      pick(".portal-breadcrumbs a", text), pick(".portal-footer p", text), pick(".portal-footer a", text),
    ]);
  });
}

test("embedded in the portal page: the walk works under the portal's path", () => withPage(env.browser, async (page) => {
  await walk(page, env.server.url + BASE);
  assert.equal(await page.locator("main").count(), 1, "the portal's <main> is the only one");
  assert.equal(await page.locator("#app .skip-link").count(), 0, "the portal has its own skip links");
  assert.equal(await page.locator("html").getAttribute("lang"), "en", "the portal's <html lang> is left alone");
}));

test("the app looks like itself inside the portal, and the portal looks like itself around it", async () => {
  const bare = await openPage(env.browser);
  await bare.goto(env.server.url + "/bare.html");
  const expected = await portalLook(bare);
  await bare.close();

  await withPage(env.browser, async (page) => {
    await page.goto(env.server.url + BASE + "az/");
    await settled(page);
    assert.deepEqual(await portalLook(page), expected, "the app's CSS changed the portal");
    assert.equal(await page.locator("#app").getAttribute("lang"), "az");
    const app = await page.evaluate(() => {
      const style = (selector) => getComputedStyle(document.querySelector(selector));
      return {
        heading: style("#app h1").fontSize,
        link: style("#app .news-card__title a").color,
        photoBorder: style("#app .news-card__photo").borderTopWidth,
        boxSizing: style("#app .news-card").boxSizing,
        listStyle: style("#app .news-list").listStyleType,
        font: style("#app .news-card__summary").fontFamily,
      };
    });
    assert.equal(app.heading, "40px", "the portal's h1 { font-size: 60px } stays out");
    assert.equal(app.link, "rgb(26, 90, 150)", "the portal's a { color: red } stays out");
    assert.equal(app.photoBorder, "0px", "the portal's img border stays out");
    assert.equal(app.boxSizing, "border-box", "the portal's * { box-sizing } stays out");
    assert.equal(app.listStyle, "none");
    assert.doesNotMatch(app.font, /Georgia/);
    await assertAccessible(page, "the app inside the portal", "#app");
    await screenshot(page, "portal-embedded");
  });
});

test("every rule of the app's stylesheet is scoped to its root", async () => {
  const css = (await readdir(DIST)).find((name) => name.endsWith(".css"));
  const text = (await readFile(join(DIST, css), "utf8")).replace(/\/\*[\s\S]*?\*\//g, "");
  const selectors = [];
  // Selectors are what precedes a "{" that is not an at-rule or a keyframe step.
  const inKeyframes = /@keyframes[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g;
  for (const match of text.replace(inKeyframes, "").matchAll(/([^{};]+)\{/g)) {
    const selector = match[1].trim();
    if (!selector.startsWith("@")) selectors.push(...selector.split(",").map((s) => s.trim()));
  }
  assert.ok(selectors.length > 100, `found ${selectors.length} selectors`);
  const unscoped = selectors.filter((s) => !/^\.news-portal(--[a-z]+)?(?![\w-])|^\.news-portal-page$/.test(s));
  assert.deepEqual(unscoped, [], "selectors that could reach a portal page");
});
