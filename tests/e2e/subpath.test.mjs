// The same dist/ served under a sub-path, after only the documented edit of
// <base href> in index.html: every asset, data file and link stays under it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, start, openPage, settled, assertAccessible } from "./harness.mjs";

const PREFIX = "/portal/news/";
let copy, env;

before(async () => {
  copy = await mkdtemp(join(tmpdir(), "news-subpath-"));
  await cp(DIST, copy, { recursive: true });
  const index = join(copy, "index.html");
  const html = await readFile(index, "utf8");
  const edited = html.replace(/<base href=["']?\/["']?>/, `<base href="${PREFIX}">`);
  assert.notEqual(edited, html, "index.html has the documented <base href> to edit");
  await writeFile(index, edited);
  env = await start({ root: copy, prefix: PREFIX });
});

after(async () => {
  await env.stop();
  await rm(copy, { recursive: true, force: true });
});

test("under /portal/news/: deep link, listing → article → back → reload, nothing outside the prefix", async () => {
  const page = await openPage(env.browser);
  const outside = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (!path.startsWith(PREFIX)) outside.push(path);
  });
  const base = env.server.url + PREFIX;

  await page.goto(base + "en/news/sms-icmpd-cooperation");
  await settled(page);
  assert.match(await page.getByRole("heading", { level: 1 }).textContent(), /^Cooperation between/);
  assert.ok(await page.locator(".article > .photo img").evaluate((img) => img.complete && img.naturalWidth > 0));

  await page.getByRole("link", { name: "← Back to news" }).click();
  await page.waitForURL(base + "en/");
  await settled(page);
  assert.equal(await page.locator(".news-card").count(), 12);
  await page.getByRole("link", { name: "Page 2" }).click();
  await page.waitForURL(base + "en/?page=2");
  await page.locator(".news-card__title a").first().click();
  await page.waitForURL(new RegExp(`${PREFIX}en/news/`));
  await settled(page);
  await page.goBack();
  await page.waitForURL(base + "en/?page=2");
  await page.reload();
  await page.getByText("Page 2 of 3").waitFor();
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy Policy" }).click();
  await page.waitForURL(base + "en/privacy");
  await page.goto(base);
  await page.waitForURL(base + "en/");
  await settled(page);
  await assertAccessible(page, "listing under a sub-path");
  assert.deepEqual(outside, [], "requests left the app's path");
  page.assertClean();
  await page.close();
});
