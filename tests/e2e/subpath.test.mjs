// The same dist/ served under a sub-path, after only the documented edit of
// <base href> in index.html: every asset, data file and link stays under it.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { deployCopy, start, withPage, settled, walk, assertAccessible } from "./harness.mjs";

const PREFIX = "/portal/news/";
let env;

before(async () => {
  env = await start({ root: await deployCopy({ base: PREFIX }), prefix: PREFIX });
});

test("under /portal/news/: the walk, pages, legal pages and BASE, nothing outside the prefix", () => withPage(env.browser, async (page) => {
  const outside = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (!path.startsWith(PREFIX)) outside.push(path);
  });
  const base = env.server.url + PREFIX;
  await walk(page, base);

  await page.getByRole("link", { name: "Page 2" }).click();
  await page.waitForURL(base + "en/page/2");
  await page.reload();
  await page.getByText("Page 2 of 3").waitFor();
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy Policy" }).click();
  await page.waitForURL(base + "en/privacy");
  await settled(page);
  await page.goto(base);
  await page.waitForURL(base + "en/");
  await settled(page);
  await assertAccessible(page, "listing under a sub-path");
  assert.deepEqual(outside, [], "requests left the app's path");
}));
