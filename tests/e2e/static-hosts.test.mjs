// dist/ behind real web servers with the configurations docs/deploy.md
// documents: Debian's nginx (deploy/nginx.conf at /, deploy/nginx-subpath.conf
// under /portal/news/) and Caddy (deploy/Caddyfile). Each: the walk, the
// security headers, the cache policy, and real 404s for missing files.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { DIST, CHROMIUM_ARGS, openPage, walk } from "./harness.mjs";

const DEPLOY = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "deploy");
const cleanup = [];
after(async () => { for (const step of cleanup.reverse()) await step(); });

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Copies dist/ to `dir`, setting <base href> to `base` (the documented edit). */
async function deployDist(dir, base) {
  await mkdir(dir, { recursive: true });
  await cp(DIST, dir, { recursive: true });
  for (const name of ["index.html", "404.html"]) {
    const html = await readFile(join(dir, name), "utf8");
    await writeFile(join(dir, name), html.replace(/<base href=["']?\/["']?>/, `<base href="${base}">`));
  }
}

/** Starts a server process and waits until `url` answers. */
async function run(command, args, url) {
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => { stderr += chunk; });
  cleanup.push(() => new Promise((resolve) => { child.once("exit", resolve); child.kill("SIGTERM"); }));
  for (let attempt = 0; attempt < 100; attempt++) {
    try { await fetch(url); return; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error(`${command} did not start: ${stderr}`);
}

/** Runs nginx with `site` (a file of deploy/) adapted to this machine: port and root only. */
async function nginx(site, webRoot) {
  const dir = await mkdtemp(join(tmpdir(), "news-nginx-"));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
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

/** The headers, cache policy and 404s every documented configuration must give. */
async function assertServing(origin, base) {
  const page = await fetch(origin + base + "az/news/some-article");
  assert.equal(page.status, 200, "a deep link answers the app");
  assert.match(await page.text(), /data-np-wasm/);
  // Every documented configuration sends the one policy of deploy/nginx-headers.conf.
  const documented = (await readFile(join(DEPLOY, "nginx-headers.conf"), "utf8"))
    .match(/add_header Content-Security-Policy "([^"]+)" always;/)[1];
  assert.equal(page.headers.get("content-security-policy"), documented);
  assert.match(documented, /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(documented, /'unsafe-inline'|'unsafe-eval'/);
  assert.equal(page.headers.get("x-content-type-options"), "nosniff");
  assert.equal(page.headers.get("cache-control"), "no-cache", "index.html is revalidated");
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
  for (const missing of ["api/az/news/no-such-article.json", "no-such-file.js", "az/no-such.wasm"]) {
    assert.equal((await fetch(origin + base + missing)).status, 404, `${missing} is a 404, not the app`);
  }
}

async function browser() {
  const instance = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  cleanup.push(() => instance.close());
  return instance;
}

for (const [site, base] of [["nginx.conf", "/"], ["nginx-subpath.conf", "/portal/news/"]]) {
  test(`nginx with deploy/${site} serves dist/ at ${base}`, async () => {
    const root = await mkdtemp(join(tmpdir(), "news-www-"));
    cleanup.push(() => rm(root, { recursive: true, force: true }));
    await deployDist(join(root, base), base);
    const origin = await nginx(site, root);
    await assertServing(origin, base);
    const page = await openPage(await browser());
    await walk(page, origin + base);
    page.assertClean();
  });
}

test("Caddy with deploy/Caddyfile serves dist/ at /", async () => {
  const dir = await mkdtemp(join(tmpdir(), "news-caddy-"));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  await deployDist(join(dir, "www"), "/");
  const port = await freePort();
  const site = (await readFile(join(DEPLOY, "Caddyfile"), "utf8"))
    .replace(":8080", `:${port}`)
    .replace("root * /srv/news-portal", `root * ${join(dir, "www")}`);
  // The test's own global options: no admin endpoint, state in the temporary folder.
  await writeFile(join(dir, "Caddyfile"), `{\n\tadmin off\n\tstorage file_system ${dir}/state\n}\n${site}`);
  process.env.XDG_CONFIG_HOME = process.env.XDG_DATA_HOME = dir;
  await run("/usr/bin/caddy", ["run", "--config", join(dir, "Caddyfile"), "--adapter", "caddyfile"], `http://127.0.0.1:${port}/`);
  const origin = `http://127.0.0.1:${port}`;
  await assertServing(origin, "/");
  const page = await openPage(await browser());
  await walk(page, origin + "/");
  page.assertClean();
});
