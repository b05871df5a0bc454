// Shared set-up for the end-to-end tests: the release bundle served from dist/,
// Debian's headless Chromium, console-error capture and axe-core checks.
import { before, after } from "node:test";
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import assert from "node:assert/strict";
import { serve } from "../../scripts/lib/server.mjs";
import { CHROMIUM_ARGS } from "../../scripts/lib/chromium.mjs";
import { newsPublish } from "../../scripts/lib/publisher.mjs";


const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = join(ROOT, "dist");
export const DEPLOY = join(ROOT, "deploy");
export const EXAMPLES = join(ROOT, "examples");
export const SHOTS = join(ROOT, "target", "screenshots");
const AXE = require.resolve("axe-core/axe.min.js");

export { CHROMIUM_ARGS };

// What a test file started (servers, browsers, temporary folders), undone in
// reverse order once its tests are over.
const cleanup = [];
after(async () => { for (const step of cleanup.reverse()) await step(); });

/** A loopback port nothing listens on right now, for a server the test starts. */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Runs `step` when this file's tests are over. */
export function onCleanup(step) {
  cleanup.push(step);
}

/** Starts the server (for `root`, under `prefix`, see serve()) and the browser, once per test file. */
export async function start({ root = DIST, port, prefix = "/", headers = {}, fallback, fallbackStatus, fallbackEverything } = {}) {
  const server = await serve(root, { port, prefix, headers, fallback, fallbackStatus, fallbackEverything });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  await mkdir(SHOTS, { recursive: true });
  onCleanup(async () => { await browser.close(); await server.close(); });
  return { server, browser };
}

/**
 * The release app served for this file's tests (options as start()): started
 * before them, stopped after. `app.browser`, `app.server`, and `app.url(path)`
 * for a path on it.
 */
export function servedApp(options) {
  const app = { url: (path) => app.server.url + path };
  before(async () => Object.assign(app, await start(options)));
  return app;
}

/**
 * A fresh page that records console errors and uncaught exceptions (a Rust
 * panic surfaces as both). `allow` lists substrings of console errors a test
 * provokes on purpose, such as the browser's "Failed to load resource" for a 404.
 * `locale` sets the browser's language (navigator.languages, Accept-Language).
 * Service workers are blocked unless `serviceWorkers: "allow"` (the offline
 * tests): a worker answers requests that `page.route` never sees.
 */
export async function openPage(browser, { viewport = { width: 1280, height: 900 }, allow = [], locale = "en-US", serviceWorkers = "block" } = {}) {
  const context = await browser.newContext({ viewport, locale, serviceWorkers });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (!allow.some((pattern) => text.includes(pattern))) problems.push(`console error: ${text}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  // A blocked resource or script under a Content-Security-Policy, as the page itself sees it.
  await page.exposeFunction("__reportCspViolation", (text) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      window.__reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`));
  });
  page.assertClean = () => assert.deepEqual(problems, [], "the page logged errors");
  page.problems = problems;
  page.close = ((close) => async () => { await close(); await context.close(); })(page.close.bind(page));
  return page;
}

/**
 * Opens a page (options as openPage), runs `body(page)`, then checks that the
 * page logged no error and closes it, also when `body` failed.
 */
export async function withPage(browser, options, body) {
  if (typeof options === "function") [options, body] = [{}, options];
  const page = await openPage(browser, options);
  try {
    await body(page);
    page.assertClean();
  } finally {
    await page.close();
  }
}

/**
 * A copy of dist/ as a web team deploys it, made with the two documented edits
 * only (README, "Configuration"): `base` for `<base href>`, `api` for
 * `data-api`, in index.html and 404.html. `into` places it inside a folder of
 * the caller's (a web root); by default a temporary folder, removed after the
 * tests. Resolves to the copy's folder.
 */
export async function deployCopy({ base, api, into } = {}) {
  let dir = into;
  if (!dir) {
    dir = await mkdtemp(join(tmpdir(), "news-dist-"));
    onCleanup(() => rm(dir, { recursive: true, force: true }));
  }
  await mkdir(dir, { recursive: true });
  await cp(DIST, dir, { recursive: true });
  for (const name of ["index.html", "404.html"]) {
    const file = join(dir, name);
    let html = await readFile(file, "utf8");
    if (base) html = edit(html, '<base href="/">', `<base href="${base}">`);
    if (api) html = edit(html, 'data-api="api/"', `data-api="${api}"`);
    await writeFile(file, html);
  }
  return dir;
}

/**
 * Runs the prerender step on `dir` (a built app), with `--origin origin` if
 * given; resolves to what it printed. Fails the test if it fails.
 */
export async function prerender(dir, origin) {
  const args = [dir, ...(origin ? ["--origin", origin] : [])];
  const { stdout } = await newsPublish("prerender", args);
  return stdout;
}

/**
 * Runs the publish chain on `dir` (a built app), as an agency's CI does:
 * content/ built into the API tree the app reads, checked, every route
 * prerendered, with `--origin origin`. Resolves to what it printed.
 */
export async function publish(dir, origin) {
  const args = [dir, "--content", join(ROOT, "content"), "--origin", origin];
  const { stdout } = await newsPublish("publish", args);
  return stdout;
}

/**
 * A copy of dist/ published from content/ (its API tree built anew, checked,
 * every route prerendered) at a free port, served: `{root, origin, report,
 * server, browser}`. Removed after the file's tests.
 */
export async function publishedCopy(prefix) {
  const root = await mkdtemp(join(tmpdir(), prefix));
  onCleanup(() => rm(root, { recursive: true, force: true }));
  await cp(DIST, root, { recursive: true });
  await rm(join(root, "api"), { recursive: true, force: true });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const report = await publish(root, origin);
  return { root, origin, report, ...(await start({ root, port })) };
}

/** Replaces the documented `setting` in `html`, which must hold it as the README shows it. */
function edit(html, setting, value) {
  assert.ok(html.includes(setting), `index.html holds ${setting} as the README says`);
  return html.replace(setting, value);
}

/** The Content-Security-Policy that docs/deploy.md documents (deploy/nginx-headers.conf), for a data origin `api`. */
export async function strictCsp(api = "") {
  const conf = await readFile(join(DEPLOY, "nginx-headers.conf"), "utf8");
  const policy = conf.match(/add_header Content-Security-Policy "([^"]+)" always;/)[1];
  return api ? policy.replace("connect-src 'self'", `connect-src 'self' ${api}`).replace("img-src 'self'", `img-src 'self' ${api}`) : policy;
}

/** The links of the news cards, as a reader finds them: the headings' links in the main content. */
export function cardLinks(page) {
  return page.getByRole("main").getByRole("heading", { level: 2 }).getByRole("link");
}

/** Waits until the app has rendered a view: a main heading and no skeleton. */
export async function settled(page) {
  await page.locator("main h1").first().waitFor();
  await page.locator(".skeleton").waitFor({ state: "detached" });
}

/** Runs axe-core on the page (or the part `within`) and fails with a readable list of violations. */
export async function assertAccessible(page, label, within) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (within) => {
    const result = await window.axe.run(within ?? document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }, within);
  assert.deepEqual(violations, [], `axe-core violations on ${label}`);
}

/** Saves a screenshot under target/screenshots/. */
export async function screenshot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * The walk every deployment must survive: a deep link to an article, back to
 * the listing, into an article by its card, browser back, reload. `base` is the
 * app's URL with its trailing slash.
 */
export async function walk(page, base) {
  await page.goto(base + "en/news/sms-icmpd-cooperation");
  await settled(page);
  assert.match(await page.getByRole("heading", { level: 1 }).textContent(), /^Cooperation between/);
  // The photo really arrives (a CSP or CORS mistake would leave it broken).
  await page.waitForFunction(() => {
    const img = document.querySelector("main figure img");
    return img && img.complete && img.naturalWidth > 0;
  });
  await page.getByRole("link", { name: "Back to news" }).click();
  await page.waitForURL(base + "en/");
  await settled(page);
  assert.equal(await page.locator(".news-card").count(), 12);
  await page.locator(".news-card__title a").first().click();
  await page.waitForURL((url) => url.href.startsWith(base + "en/news/"));
  await settled(page);
  await page.goBack();
  await page.waitForURL(base + "en/");
  await settled(page);
  await page.reload();
  await settled(page);
  assert.equal(await page.locator(".news-card").count(), 12);
}
