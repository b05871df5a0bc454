// dist/, prerendered (scripts/prerender), behind real web servers with the
// configurations docs/deploy.md documents: Debian's nginx (deploy/nginx.conf
// at /, deploy/nginx-subpath.conf under /portal/news/) and Caddy
// (deploy/Caddyfile). Each: prerendered pages for their extension-less URLs,
// a 404 that carries the app's shell (and so its not-found view) for any other
// path, the walk, the security headers, the cache policy, and plain 404s for
// missing data and assets.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { DEPLOY, CHROMIUM_ARGS, deployCopy, freePort, onCleanup, prerender, withPage, walk } from "./harness.mjs";

/** A prerendered deployment in `dir`: resolves to a listed article's slug. */
async function prerendered(dir) {
  await prerender(dir);
  return JSON.parse(await readFile(join(dir, "api", "en", "news", "page-1.json"), "utf8")).items[0].slug;
}

/** Starts a server process and waits until `url` answers. */
async function run(command, args, url) {
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => { stderr += chunk; });
  onCleanup(() => new Promise((resolve) => { child.once("exit", resolve); child.kill("SIGTERM"); }));
  for (let attempt = 0; attempt < 100; attempt++) {
    try { await fetch(url); return; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error(`${command} did not start: ${stderr}`);
}

/** Runs nginx with `site` (a file of deploy/) adapted to this machine: port and root only. */
async function nginx(site, webRoot) {
  const dir = await mkdtemp(join(tmpdir(), "news-nginx-"));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  const port = await freePort();
  const text = (await readFile(join(DEPLOY, site), "utf8"))
    .replace("listen 8080;", `listen 127.0.0.1:${port};`)
    .replace(/root \/srv\/[^;]+;/, `root ${webRoot};`);
  await writeFile(join(dir, "site.conf"), text);
  await cp(join(DEPLOY, "nginx-headers.conf"), join(dir, "nginx-headers.conf"));
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((name) => `${name}_temp_path ${dir}/${name};`).join(" ");
  await writeFile(join(dir, "main.conf"), `user root; daemon off; pid ${dir}/nginx.pid; error_log stderr;
events {}
http { include /etc/nginx/mime.types; default_type application/octet-stream; access_log off; ${temp}
  include site.conf; }
`);
  await run("/usr/sbin/nginx", ["-p", dir, "-c", join(dir, "main.conf")], `http://127.0.0.1:${port}/`);
  return `http://127.0.0.1:${port}`;
}

/** An unknown article: a path that no published file answers. */
const UNKNOWN = "en/news/no-such-article-xyz";

/**
 * The headers, cache policy and 404s every documented configuration must give,
 * for the deployment in `dir` served at `origin + base`.
 */
async function assertServing(origin, base, slug, dir) {
  for (const path of ["en", "en/", `en/news/${slug}`, "en/privacy", "en/page/2"]) {
    const prerendered = await fetch(origin + base + path);
    assert.equal(prerendered.status, 200, `${path} answers`);
    assert.match(await prerendered.text(), /\bdata-np-prerendered>/, `${path} is its prerendered page`);
  }
  const index = await readFile(join(dir, "index.html"), "utf8");
  for (const path of ["", "index.html"]) {
    const home = await fetch(origin + base + path);
    assert.equal(home.status, 200, `${base}${path} answers`);
    assert.equal(await home.text(), index, `${base}${path} is index.html`);
  }
  // Any other path is a real 404 (no soft 404 for search engines) that
  // carries the app's shell, 404.html, so that the app can say "not found".
  const page = await fetch(origin + base + UNKNOWN);
  assert.equal(page.status, 404, "an unknown article is a 404");
  const shell = await page.text();
  assert.equal(shell, await readFile(join(dir, "404.html"), "utf8"), "the 404 carries the app's shell");
  assert.match(shell, /data-np-wasm/);
  assert.match(shell, /\bid=["']?app\b/);
  assert.doesNotMatch(shell, /data-np-prerendered/);
  // Every documented configuration sends the one policy of deploy/nginx-headers.conf.
  const documented = (await readFile(join(DEPLOY, "nginx-headers.conf"), "utf8"))
    .match(/add_header Content-Security-Policy "([^"]+)" always;/)[1];
  assert.equal(page.headers.get("content-security-policy"), documented);
  assert.match(documented, /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(documented, /'unsafe-inline'|'unsafe-eval'/);
  assert.equal(page.headers.get("x-content-type-options"), "nosniff");
  assert.equal(page.headers.get("cache-control"), "no-cache", "the shell is revalidated");
  const html = await (await fetch(origin + base)).text();
  const wasm = html.match(/data-np-wasm=["']?\.\/([^"' >]+)/)[1];
  const hashed = await fetch(origin + base + wasm);
  assert.equal(hashed.status, 200);
  assert.equal(hashed.headers.get("content-type"), "application/wasm");
  assert.equal(hashed.headers.get("cache-control"), "public, max-age=31536000, immutable");
  assert.equal((await fetch(origin + base + "boot.js")).headers.get("cache-control"), "no-cache");
  const json = await fetch(origin + base + "api/az/news/page-1.json");
  assert.equal(json.status, 200);
  assert.equal(json.headers.get("cache-control"), "no-cache");
  for (const missing of ["api/az/news/no-such-article.json", "api/az/news/no-such-article", "no-such-file.js", "az/no-such.wasm", "no-such-photo.svg"]) {
    const answer = await fetch(origin + base + missing);
    assert.equal(answer.status, 404, `${missing} is a 404`);
    const body = await answer.text();
    assert.doesNotMatch(body, /data-np-wasm|\bid=["']?app\b/, `${missing} is a plain 404, not the app's shell`);
  }
}

/** In the browser, the app started from the 404's shell shows its not-found view. */
async function assertNotFound(page, base) {
  const response = await page.goto(base + UNKNOWN);
  assert.equal(response.status(), 404);
  await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
  assert.match(await page.title(), /^Page not found/);
  await page.getByRole("main").getByRole("link", { name: "Go to the news" }).waitFor();
}

async function browser() {
  const instance = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  onCleanup(() => instance.close());
  return instance;
}

for (const [site, base] of [["nginx.conf", "/"], ["nginx-subpath.conf", "/portal/news/"]]) {
  test(`nginx with deploy/${site} serves dist/ at ${base}`, async () => {
    const root = await mkdtemp(join(tmpdir(), "news-www-"));
    onCleanup(() => rm(root, { recursive: true, force: true }));
    await deployCopy({ into: join(root, base), base });
    const slug = await prerendered(join(root, base));
    const origin = await nginx(site, root);
    await assertServing(origin, base, slug, join(root, base));
    const instance = await browser();
    await withPage(instance, (page) => walk(page, origin + base));
    await withPage(instance, { allow: ["Failed to load resource"] }, (page) => assertNotFound(page, origin + base));
  });
}

test("Caddy with deploy/Caddyfile serves dist/ at /", async () => {
  const dir = await mkdtemp(join(tmpdir(), "news-caddy-"));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  await deployCopy({ into: join(dir, "www") });
  const slug = await prerendered(join(dir, "www"));
  const port = await freePort();
  const site = (await readFile(join(DEPLOY, "Caddyfile"), "utf8"))
    .replace(":8080", `:${port}`)
    .replace("root * /srv/news-portal", `root * ${join(dir, "www")}`);
  // The test's own global options: no admin endpoint, state in the temporary folder.
  await writeFile(join(dir, "Caddyfile"), `{\n\tadmin off\n\tstorage file_system ${dir}/state\n}\n${site}`);
  process.env.XDG_CONFIG_HOME = process.env.XDG_DATA_HOME = dir;
  await run("/usr/bin/caddy", ["run", "--config", join(dir, "Caddyfile"), "--adapter", "caddyfile"], `http://127.0.0.1:${port}/`);
  const origin = `http://127.0.0.1:${port}`;
  await assertServing(origin, "/", slug, join(dir, "www"));
  const instance = await browser();
  await withPage(instance, (page) => walk(page, origin + "/"));
  await withPage(instance, { allow: ["Failed to load resource"] }, (page) => assertNotFound(page, origin + "/"));
});
