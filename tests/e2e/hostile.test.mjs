// Every case of tests/hostile/body_html.json rendered by the real app as an
// article's body, with hostile text in every text field around it: nothing
// runs (the sentinel window.__pwned stays unset), and no script element, event
// handler attribute or javascript:/data: URL reaches the page.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { servedApp, withPage, settled } from "./harness.mjs";

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), "..", "hostile", "body_html.json");
const TEXT = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`;
const env = servedApp();
let cases;
before(async () => { cases = JSON.parse(await readFile(CORPUS, "utf8")); });

/** What a hostile page in the DOM would show: live scripts, handlers, bad URLs. */
function inspect() {
  const found = [];
  for (const el of document.querySelectorAll("main *")) {
    if (/^(script|iframe|object|embed|form|base|meta|link|style|svg|math)$/i.test(el.localName)) found.push(`<${el.localName}>`);
    for (const attr of el.attributes) {
      const value = attr.value.trim().toLowerCase();
      if (attr.name.startsWith("on") || ["style", "srcdoc", "formaction"].includes(attr.name)) found.push(`${el.localName}[${attr.name}]`);
      if (/^(javascript|data|vbscript):/.test(value)) found.push(`${el.localName}[${attr.name}=${value.slice(0, 30)}]`);
    }
  }
  return { found, pwned: window.__pwned };
}

test("every hostile body_html case renders inert inside the app, and text fields stay text", () => withPage(env.browser, { allow: ["Failed to load resource"] }, async (page) => {
  assert.ok(cases.length >= 60, `${cases.length} cases`);
  let current = 0;
  await page.route("**/api/en/news/hostile-*.json", (route) => {
    const index = Number(new URL(route.request().url()).pathname.match(/hostile-(\d+)\.json$/)[1]);
    route.fulfill({
      contentType: "application/json",
      body: JSON.stringify({
        slug: `hostile-${index}`, title: TEXT, published: "2024-05-14", summary: TEXT,
        photo: { src: "javascript:window.__pwned=1", alt: TEXT, caption: TEXT, credit: TEXT },
        tags: [TEXT], body_html: cases[index].html,
        gallery: [{ src: "../../img/news/sms-icmpd-cooperation.svg", alt: TEXT, caption: TEXT }],
      }),
    });
  });
  const problems = [];
  for (current = 0; current < cases.length; current++) {
    await page.goto(env.server.url + `/en/news/hostile-${current}`);
    await settled(page);
    await page.waitForTimeout(30); // image error handlers fire asynchronously
    const { found, pwned } = await page.evaluate(inspect);
    if (pwned !== undefined) problems.push(`${cases[current].name}: a payload ran`);
    if (found.length) problems.push(`${cases[current].name}: ${found.join(", ")}`);
    if (current === 0) {
      assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), TEXT, "the title is shown as text");
      assert.equal(await page.locator(".article__tags li").textContent(), TEXT, "tags are text");
      assert.equal(await page.locator(".gallery figcaption").first().textContent(), TEXT, "captions are text");
      assert.equal(await page.locator("main figure img").count(), 1, "the javascript: photo is absent, the gallery photo stays");
    }
  }
  assert.deepEqual(problems, [], "hostile cases that were not inert");
}));
