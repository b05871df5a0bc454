// dist/ as a web team deploys it: behind the strict Content-Security-Policy of
// docs/deploy.md, and with the data on another origin (with and without CORS).
// Each walks deep link → listing → article → back → reload and fails on any
// console error or CSP violation.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { DIST, start, openPage, walk, settled } from "./harness.mjs";
import { serve } from "./server.mjs";

const DEPLOY = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "deploy");
const cleanup = [];
after(async () => { for (const step of cleanup.reverse()) await step(); });

/** The Content-Security-Policy that docs/deploy.md documents (deploy/nginx-headers.conf), for a data origin `api`. */
async function strictCsp(api = "") {
  const conf = await readFile(join(DEPLOY, "nginx-headers.conf"), "utf8");
  const policy = conf.match(/add_header Content-Security-Policy "([^"]+)" always;/)[1];
  return api ? policy.replace("connect-src 'self'", `connect-src 'self' ${api}`).replace("img-src 'self'", `img-src 'self' ${api}`) : policy;
}

/** A copy of dist/ in a temporary folder (removed after the tests). */
async function distCopy() {
  const copy = await mkdtemp(join(tmpdir(), "news-dist-"));
  cleanup.push(() => rm(copy, { recursive: true, force: true }));
  await cp(DIST, copy, { recursive: true });
  return copy;
}

/** A copy of dist/ with `data-api` set to `api`: the documented edit, nothing else. */
async function distWithApi(api) {
  const copy = await distCopy();
  const index = join(copy, "index.html");
  const html = await readFile(index, "utf8");
  const edited = html.replace(/data-api=("api\/"|api\/)/, `data-api="${api}"`);
  assert.notEqual(edited, html, "index.html has the documented data-api to edit");
  await writeFile(index, edited);
  return copy;
}

test("behind the strict CSP (no 'unsafe-inline', no 'unsafe-eval'), the app runs and nothing is blocked", async () => {
  const env = await start({ headers: { "content-security-policy": await strictCsp() } });
  cleanup.push(env.stop);
  const page = await openPage(env.browser);
  const response = await page.goto(env.server.url + "/");
  assert.match(response.headers()["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval'/);
  await walk(page, env.server.url + "/");
  page.assertClean();
  await page.close();
});

test("with the data on another origin that sends CORS headers, everything works", async () => {
  const data = await serve(join(DIST), { headers: { "access-control-allow-origin": "*" } });
  cleanup.push(data.close);
  const root = await distWithApi(`${data.url}/api/`);
  const env = await start({ root, headers: { "content-security-policy": await strictCsp(data.url) } });
  cleanup.push(env.stop);
  const page = await openPage(env.browser);
  const dataRequests = [];
  page.on("request", (request) => { if (request.url().endsWith(".json")) dataRequests.push(new URL(request.url()).origin); });
  await walk(page, env.server.url + "/");
  assert.ok(dataRequests.length > 0);
  assert.deepEqual([...new Set(dataRequests)], [data.url], "every JSON request went to the data origin");
  page.assertClean();
  await page.close();
});

test("with the data on another origin without CORS, the reader gets 'could not load' and the console says why", async () => {
  const data = await serve(join(DIST));
  cleanup.push(data.close);
  const root = await distWithApi(`${data.url}/api/`);
  const env = await start({ root });
  cleanup.push(env.stop);
  const page = await openPage(env.browser, { allow: ["blocked by CORS policy", "Failed to load resource"] });
  const console = [];
  page.on("console", (message) => console.push(message.text()));
  await page.goto(env.server.url + "/en/");
  const alert = page.getByRole("alert");
  await alert.getByRole("heading", { name: "Could not load this page" }).waitFor();
  assert.match(await alert.textContent(), /The server could not be reached\./);
  assert.ok(console.some((text) => /blocked by CORS policy/.test(text)), "the browser names CORS");
  assert.ok(console.some((text) => /news portal: network error/.test(text)), "the app logs its cause");
  assert.equal(await page.getByRole("banner").count(), 1, "the layout stays");
  page.assertClean();
  await page.close();
});

test("on a host that answers unknown paths with 404.html (status 404), deep links still work", async () => {
  const env = await start({ fallback: "404.html", fallbackStatus: 404 });
  cleanup.push(env.stop);
  const page = await openPage(env.browser, { allow: ["status of 404"] });
  const response = await page.goto(env.server.url + "/ru/privacy");
  assert.equal(response.status(), 404);
  await settled(page);
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "Политика конфиденциальности");
  await walk(page, env.server.url + "/");
  page.assertClean();
  await page.close();
});

test("a wasm file that does not match its integrity hash is refused, and the page says so", async () => {
  const copy = await distCopy();
  const wasm = (await readdir(copy)).find((name) => name.endsWith(".wasm"));
  const bytes = await readFile(join(copy, wasm));
  bytes[bytes.length - 1] ^= 0xff; // one flipped byte, as a compromised CDN might serve
  await writeFile(join(copy, wasm), bytes);
  const env = await start({ root: copy });
  cleanup.push(env.stop);
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
