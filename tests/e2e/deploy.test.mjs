// dist/ as a web team deploys it: behind the strict Content-Security-Policy of
// docs/deploy.md, and with the data on another origin (with and without CORS).
// Each walks deep link → listing → article → back → reload and fails on any
// console error or CSP violation.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DIST, deployCopy, onCleanup, start, openPage, strictCsp, withPage, walk, settled } from "./harness.mjs";
import { serve } from "../../scripts/lib/server.mjs";

test("behind the strict CSP (no 'unsafe-inline', no 'unsafe-eval'), the app runs and nothing is blocked", async () => {
  const env = await start({ headers: { "content-security-policy": await strictCsp() } });
  await withPage(env.browser, async (page) => {
    const response = await page.goto(env.server.url + "/");
    assert.match(response.headers()["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval'/);
    await walk(page, env.server.url + "/");
  });
});

test("with the data on another origin that sends CORS headers, everything works", async () => {
  const data = await serve(join(DIST), { headers: { "access-control-allow-origin": "*" } });
  onCleanup(data.close);
  const root = await deployCopy({ api: `${data.url}/api/` });
  const env = await start({ root, headers: { "content-security-policy": await strictCsp(data.url) } });
  await withPage(env.browser, async (page) => {
    const dataRequests = [];
    page.on("request", (request) => { if (request.url().endsWith(".json")) dataRequests.push(new URL(request.url()).origin); });
    await walk(page, env.server.url + "/");
    assert.ok(dataRequests.length > 0);
    assert.deepEqual([...new Set(dataRequests)], [data.url], "every JSON request went to the data origin");
  });
});

test("with the data on another origin without CORS, the reader gets 'could not load' and the console says why", async () => {
  const data = await serve(join(DIST));
  onCleanup(data.close);
  const env = await start({ root: await deployCopy({ api: `${data.url}/api/` }) });
  await withPage(env.browser, { allow: ["blocked by CORS policy", "Failed to load resource"] }, async (page) => {
    const console = [];
    page.on("console", (message) => console.push(message.text()));
    await page.goto(env.server.url + "/en/");
    const alert = page.getByRole("alert");
    await alert.getByRole("heading", { name: "Could not load this page" }).waitFor();
    assert.match(await alert.textContent(), /The server could not be reached\./);
    assert.ok(console.some((text) => /blocked by CORS policy/.test(text)), "the browser names CORS");
    assert.ok(console.some((text) => /news portal: network error/.test(text)), "the app logs its cause");
    assert.equal(await page.getByRole("banner").count(), 1, "the layout stays");
  });
});

test("on a host that answers unknown paths with 404.html (status 404), deep links still work", async () => {
  const env = await start({ fallback: "404.html", fallbackStatus: 404 });
  await withPage(env.browser, { allow: ["status of 404"] }, async (page) => {
    const response = await page.goto(env.server.url + "/ru/privacy");
    assert.equal(response.status(), 404);
    await settled(page);
    assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "Политика конфиденциальности");
    await walk(page, env.server.url + "/");
  });
});

test("on a host that answers every unknown path with index.html, JSON included, a missing document is 'not found'", async () => {
  // Netlify or Cloudflare Pages with `/* /index.html 200`, Firebase's rewrite to
  // index.html, an S3 error page: the app's own shell arrives, with status 200,
  // where a JSON document should be.
  const env = await start({ fallbackEverything: true });
  const base = env.server.url + "/";
  const shell = await fetch(base + "api/en/news/no-such-article.json");
  assert.equal(shell.status, 200);
  assert.match(await shell.text(), /data-np-wasm/, "the host answers with the shell");
  await withPage(env.browser, async (page) => {
    await page.goto(base + "en/news/no-such-article");
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    assert.equal(await page.getByRole("button", { name: "Retry" }).count(), 0, "nothing to retry");
    await page.goto(base + "en/?page=99");
    await page.getByText("There is no such page of news.").waitFor();
    await walk(page, base);
  });
});

test("a wasm file that does not match its integrity hash is refused, and the page says so", async () => {
  const copy = await deployCopy();
  const wasm = (await readdir(copy)).find((name) => name.endsWith(".wasm"));
  const bytes = await readFile(join(copy, wasm));
  bytes[bytes.length - 1] ^= 0xff; // one flipped byte, as a compromised CDN might serve
  await writeFile(join(copy, wasm), bytes);
  const env = await start({ root: copy });
  const page = await openPage(env.browser, { allow: ["integrity", "digest"] });
  const errors = [];
  page.on("console", (message) => errors.push(message.text()));
  await page.goto(env.server.url + "/en/");
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /The news could not be started\. Please reload the page\./);
  assert.equal(await alert.locator('[lang="ru"]').textContent(), "Не удалось открыть новости. Обновите страницу.");
  assert.ok(errors.some((text) => /integrity/i.test(text)), `the browser names the integrity check: ${errors}`);
  await page.close();
});
