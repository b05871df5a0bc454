// Offline reading (public/sw.js), on the published site (scripts/publish on a
// copy of dist/) behind the strict Content-Security-Policy of deploy/, served
// as the documented hosts serve it (unknown paths: 404.html, status 404): what
// a reader read comes back without a network, a page never opened answers the
// site's own offline view in its language, a new deploy takes effect on the
// next visit, nothing marked no-store is kept, the cache is bounded, and
// inside a portal page no worker is registered.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, EXAMPLES, deployCopy, freePort, onCleanup, openPage, publish, settled, start, strictCsp, screenshot } from "./harness.mjs";
import { serve } from "../../scripts/lib/server.mjs";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
// What a page logs when the network is gone (a request the worker cannot answer
// fails as net::ERR_FAILED), and the offline view's own status.
const OFFLINE_NOISE = ["ERR_INTERNET_DISCONNECTED", "net::ERR_FAILED", "status of 503 (Offline)"];
const env = {};

before(async () => {
  env.root = await mkdtemp(join(tmpdir(), "news-offline-"));
  onCleanup(() => rm(env.root, { recursive: true, force: true }));
  await cp(DIST, env.root, { recursive: true });
  const port = await freePort();
  env.origin = `http://127.0.0.1:${port}`;
  await rm(join(env.root, "api"), { recursive: true, force: true });
  await publish(env.root, env.origin);
  env.csp = await strictCsp();
  Object.assign(env, await start({ root: env.root, port, fallback: "404.html", fallbackStatus: 404, headers: { "content-security-policy": env.csp } }));
  env.json = async (path, root = env.root) => JSON.parse(await readFile(join(root, "api", path), "utf8"));
  env.articles = {};
  for (const lang of ["az", "en", "ru"]) {
    const first = await env.json(`${lang}/news/page-1.json`);
    env.articles[lang] = [...first.items];
    for (let n = 2; n <= first.total_pages; n++) env.articles[lang].push(...(await env.json(`${lang}/news/page-${n}.json`)).items);
  }
});

/** Another copy of the published site on a server of its own (a test that changes its files), with `headers`. */
async function siteCopy(headers = { "content-security-policy": env.csp }) {
  const dir = await mkdtemp(join(tmpdir(), "news-offline-copy-"));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  await cp(env.root, dir, { recursive: true });
  const server = await serve(dir, { fallback: "404.html", fallbackStatus: 404, headers });
  onCleanup(server.close);
  return { dir, url: (path) => server.url + path };
}

/** A reader's page (service workers allowed), as withPage: checked for errors and closed after `body`. */
async function reading(body, { allow = OFFLINE_NOISE, locale = "en-US" } = {}) {
  const page = await openPage(env.browser, { allow, locale, serviceWorkers: "allow" });
  try {
    await body(page, page.context());
    page.assertClean();
  } finally {
    await page.close();
  }
}

/** Waits until the worker controls the page and has finished starting (the open page kept). */
async function workerReady(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === "activated", null, { timeout: 30000 });
}

/** Waits until the app has taken over the prerendered page. */
const takenOver = (page) => page.locator("#app:not([data-np-prerendered])").waitFor({ state: "attached" });

/** Waits until every URL (paths on the page's origin) is in the worker's caches. */
async function kept(page, paths) {
  await page.waitForFunction(async (paths) => {
    for (const path of paths) if (!(await caches.match(new URL(path, location.origin).href))) return false;
    return true;
  }, paths, { timeout: 15000, polling: 100 });
}

/** The URLs (paths) in the worker's caches, by cache. */
const cached = (page) => page.evaluate(async () => {
  const all = {};
  for (const name of await caches.keys()) {
    all[name] = (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname);
  }
  return all;
});

/** The photo variant the page shows in `main figure img`, once it has arrived. */
async function shownPhoto(page) {
  await page.waitForFunction(() => {
    const img = document.querySelector("main figure img");
    return img && img.complete && img.naturalWidth > 0;
  });
  return page.evaluate(() => new URL(document.querySelector("main figure img").currentSrc).pathname);
}

test("registered once the app has started, on its own page only, with BASE as its scope, under the strict CSP", () => reading(async (page, context) => {
  const order = [];
  page.on("request", (request) => { if (request.url().endsWith(".wasm")) order.push("wasm"); });
  context.on("serviceworker", () => order.push("worker"));
  const response = await page.goto(env.origin + "/en/");
  assert.match(response.headers()["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval'/);
  await settled(page);
  await workerReady(page);
  assert.ok(order.includes("wasm") && order.indexOf("worker") > order.indexOf("wasm"), `the worker starts after the app's wasm: ${order}`);
  const registration = await page.evaluate(async () => {
    const found = await navigator.serviceWorker.getRegistration();
    return { scope: found.scope, script: found.active.scriptURL };
  });
  assert.deepEqual(registration, { scope: env.origin + "/", script: env.origin + "/sw.js" });
  // The shell and this build's files are kept; so is the page the reader opened first.
  const caches = await cached(page);
  const app = Object.entries(caches).find(([name]) => name.endsWith(":app"))?.[1] ?? [];
  const index = await readFile(join(env.root, "index.html"), "utf8");
  for (const name of [...index.matchAll(/(?:href|src|data-np-js|data-np-wasm)=["']?\.?\/?([^"' >]+\.(?:js|css|wasm))/g)].map((m) => m[1])) {
    assert.ok(app.includes("/" + name), `the app's ${name} is kept`);
  }
  assert.ok(app.includes("/index.html"), "the shell is kept");
  await kept(page, ["/en/", "/api/site.json", "/api/en/site.json", "/api/en/news/page-1.json"]);
}));

test("what the reader opened reloads without a network, its photo too; back online, the network's copy shows", async () => {
  const site = await siteCopy();
  await reading(async (page, context) => {
    await page.goto(site.url("/en/"));
    await settled(page);
    await workerReady(page);
    const card = page.locator(".news-card__title a").first();
    const title = await card.textContent();
    await card.click();
    await page.waitForURL(/\/en\/news\//);
    await settled(page);
    const article = new URL(page.url()).pathname;
    const slug = article.split("/").pop();
    const photo = await shownPhoto(page);
    await kept(page, [`/api/en/news/${slug}.json`, photo]);

    await context.setOffline(true);
    await page.reload();
    await settled(page);
    assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), title);
    assert.ok(await shownPhoto(page), "the photo shows offline");
    await page.goto(site.url("/en/"));
    await settled(page);
    assert.equal(await page.locator(".news-card").count(), 12, "the listing read before shows offline");

    // Published again while the reader was away: online, the new text shows.
    for (const file of [`api/en/news/${slug}.json`, `en/news/${slug}.html`]) {
      const path = join(site.dir, file);
      await writeFile(path, (await readFile(path, "utf8")).replaceAll(title, `${title} (updated)`));
    }
    await context.setOffline(false);
    await page.goto(site.url(article));
    await settled(page);
    assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), `${title} (updated)`);
  });
});

test("the first page a reader opens is kept too: an article opened by a link reloads offline", () => reading(async (page, context) => {
  const [item] = env.articles.ru;
  await page.goto(env.origin + `/ru/news/${item.slug}`);
  await settled(page);
  await workerReady(page);
  await kept(page, [`/ru/news/${item.slug}`, `/api/ru/news/${item.slug}.json`]);
  await context.setOffline(true);
  await page.reload();
  await settled(page);
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), item.title);
  assert.equal(await page.locator("html").getAttribute("lang"), "ru");
}));

test("a page never opened, offline: the site's own offline view in the page's language, listing what was saved", () => reading(async (page, context) => {
  const [read, unread] = env.articles.en;
  await page.goto(env.origin + `/en/news/${read.slug}`);
  await settled(page);
  await workerReady(page);
  await kept(page, [`/api/en/news/${read.slug}.json`]);
  await context.setOffline(true);

  const response = await page.goto(env.origin + `/en/news/${unread.slug}`);
  assert.equal(response.status(), 503);
  assert.match(response.headers()["content-security-policy"], /default-src 'none'/);
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "You are offline");
  assert.equal(await page.getByRole("main").count(), 1);
  const saved = page.getByRole("main").getByRole("list").getByRole("link");
  assert.deepEqual(await saved.allTextContents(), [read.title]);
  assert.equal(await page.getByRole("link", { name: "Try again" }).getAttribute("href"), env.origin + `/en/news/${unread.slug}`);
  // Styled with the app's own stylesheet, which the worker kept.
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector(".news-portal")).display), "flex");
  await accessible(page, "the offline view");
  await screenshot(page, "offline-view");
  await page.emulateMedia({ colorScheme: "dark" });
  await screenshot(page, "offline-view-dark");
  await page.emulateMedia({ colorScheme: "light" });

  // In Azerbaijani under /az/, in English for a language the worker has no words for.
  await page.goto(env.origin + `/az/news/${env.articles.az[1].slug}`);
  assert.equal(await page.locator("html").getAttribute("lang"), "az");
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "İnternet bağlantısı yoxdur");
  assert.equal(await page.getByRole("main").getByRole("list").getByRole("link").getAttribute("lang"), "en", "an English title is marked as English");
  await page.goto(env.origin + "/fr/");
  assert.equal(await page.locator("html").getAttribute("lang"), "en");

  // A saved article's link works without a network.
  await page.goto(env.origin + `/ru/news/${env.articles.ru[1].slug}`);
  await page.getByRole("main").getByRole("list").getByRole("link", { name: read.title }).click();
  await settled(page);
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), read.title);
}));

test("nothing the host marks no-store is kept, and offline the reader still gets the site's view", async () => {
  const site = await siteCopy({ "content-security-policy": env.csp, "cache-control": "no-store" });
  await reading(async (page, context) => {
    const [item] = env.articles.en;
    await page.goto(site.url(`/en/news/${item.slug}`));
    await settled(page);
    await workerReady(page);
    await page.getByRole("link", { name: "Back to news" }).click();
    await settled(page);
    await page.waitForTimeout(500);
    const kept = Object.values(await cached(page)).flat().filter((path) => path !== "/__news-portal-offline.json");
    assert.deepEqual(kept, []);
    await context.setOffline(true);
    await page.reload();
    assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "You are offline");
  });
});

test("the cache is bounded: the last 50 articles, each with its JSON and photos; older ones go", () => reading(async (page) => {
  // A page that names no photo, so that every photo kept is an article's.
  await page.goto(env.origin + "/en/terms");
  await settled(page);
  await workerReady(page);
  const articles = ["az", "en", "ru"].flatMap((lang) => env.articles[lang].map((item) => ({ lang, ...item }))).slice(0, 60);
  assert.equal(articles.length, 60, "the sample has 60 articles to read");
  // Read one after the other, as a reader would: each article's JSON and the photo it shows.
  const read = await page.evaluate(async (articles) => {
    const paths = [];
    for (const { lang, slug } of articles) {
      const url = new URL(`api/${lang}/news/${slug}.json`, document.baseURI);
      const article = await (await fetch(url)).json();
      const source = article.photo?.sources?.[0]?.src ?? article.photo?.src;
      const photo = source ? new URL(source, url) : null;
      if (photo) {
        const img = new Image();
        img.src = photo.href;
        await img.decode();
      }
      paths.push({ json: url.pathname, photo: photo?.pathname ?? null });
    }
    return paths;
  }, articles);
  await kept(page, [read[59].json, read[59].photo].filter(Boolean));
  await page.waitForTimeout(500);
  const all = new Set(Object.values(await cached(page)).flat());
  const articleJson = [...all].filter((path) => /^\/api\/[a-z]+\/news\/(?!page-)[^/]+\.json$/.test(path));
  assert.equal(articleJson.length, 50);
  for (const { json, photo } of read.slice(0, 10)) {
    assert.ok(!all.has(json), `${json} went`);
    if (photo && !read.slice(10).some((other) => other.photo === photo)) assert.ok(!all.has(photo), `${photo} went with it`);
  }
  for (const { json, photo } of read.slice(10)) {
    assert.ok(all.has(json), `${json} stays`);
    if (photo) assert.ok(all.has(photo), `${photo} stays`);
  }
}));

test("a new deploy takes effect on the next visit: the new build runs, the old one's files go, offline works on the new one", async () => {
  const site = await siteCopy();
  await reading(async (page, context) => {
    await page.goto(site.url("/en/"));
    await settled(page);
    await workerReady(page);
    const [item] = env.articles.en;
    await page.getByRole("link", { name: item.title }).click();
    await settled(page);
    await kept(page, [`/api/en/news/${item.slug}.json`]);

    const build = await deploy(site.dir);
    await page.goto(site.url("/en/"));
    await takenOver(page);
    await settled(page);
    const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname));
    for (const file of [build.js, build.wasm]) assert.ok(loaded.includes("/" + file), `the new ${file} is loaded`);
    for (const file of [build.old.js, build.old.wasm]) assert.ok(!loaded.includes("/" + file), `the old ${file} is not`);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).getPropertyValue("--np-deploy").trim()), '"2"', "the new stylesheet applies");
    await page.waitForFunction(async (old) => {
      const app = (await caches.keys()).find((name) => name.endsWith(":app"));
      const names = (await (await caches.open(app)).keys()).map((request) => request.url);
      return !names.some((url) => url.endsWith(old.js) || url.endsWith(old.wasm) || url.endsWith(old.css));
    }, build.old, { timeout: 15000, polling: 200 });
    await kept(page, [`/${build.js}`, `/${build.wasm}`, `/${build.css}`]);

    await context.setOffline(true);
    await page.goto(site.url(`/en/news/${item.slug}`));
    await settled(page);
    assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), item.title);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).getPropertyValue("--np-deploy").trim()), '"2"');
  });
});

test("a new sw.js replaces the worker and deletes its old caches; with ENABLED false it unregisters itself", async () => {
  const site = await siteCopy();
  await reading(async (page) => {
    await page.goto(site.url("/en/"));
    await settled(page);
    await workerReady(page);
    await page.evaluate(() => caches.open("news-portal-offline:/:0:data"));
    const worker = join(site.dir, "sw.js");
    const source = await readFile(worker, "utf8");
    assert.match(source, /^const VERSION = 1;$/m);
    await writeFile(worker, source.replace(/^const VERSION = 1;$/m, "const VERSION = 2;"));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.waitForFunction(async () => {
      const names = await caches.keys();
      return names.length > 0 && names.every((name) => name.startsWith("news-portal-offline:/:2:"));
    }, null, { timeout: 15000, polling: 200 });

    await writeFile(worker, source.replace(/^const ENABLED = true;$/m, "const ENABLED = false;"));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistrations()).length === 0
      && (await caches.keys()).length === 0, null, { timeout: 15000, polling: 200 });
  });
});

test("under a sub-path, on a host without the publish step (every route answers the shell): the saved article reloads offline", async () => {
  const PREFIX = "/portal/news/";
  const server = await serve(await deployCopy({ base: PREFIX }), { prefix: PREFIX, headers: { "content-security-policy": env.csp } });
  onCleanup(server.close);
  const base = server.url + PREFIX;
  await reading(async (page, context) => {
    await page.goto(base + "en/");
    await settled(page);
    await workerReady(page);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope), base);
    const card = page.locator(".news-card__title a").first();
    const title = await card.textContent();
    await card.click();
    await settled(page);
    const slug = new URL(page.url()).pathname.split("/").pop();
    await kept(page, [`${PREFIX}api/en/news/${slug}.json`]);
    assert.ok((await page.evaluate(() => caches.keys())).every((name) => name.startsWith(`news-portal-offline:${"/portal/news/"}:`)));

    await context.setOffline(true);
    await page.reload();
    await settled(page);
    assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), title);
    await page.goto(base + "ru/news/no-such-article");
    assert.equal(await page.locator("html").getAttribute("lang"), "ru");
    assert.equal(await page.getByRole("main").getByRole("list").getByRole("link").getAttribute("href"), base + `en/news/${slug}`);
  });
});

test("inside a portal page (examples/portal.html) no worker is registered: the portal owns the scope", async () => {
  const root = await mkdtemp(join(tmpdir(), "news-offline-portal-"));
  onCleanup(() => rm(root, { recursive: true, force: true }));
  await cp(join(EXAMPLES, "portal.html"), join(root, "portal.html"));
  await cp(join(EXAMPLES, "portal.css"), join(root, "portal.css"));
  await cp(env.root, join(root, "news-app"), { recursive: true });
  const server = await serve(root, { fallback: "portal.html" });
  onCleanup(server.close);
  await reading(async (page, context) => {
    const workers = [];
    context.on("serviceworker", (worker) => workers.push(worker.url()));
    await page.goto(server.url + "/portal/news/en/");
    await settled(page);
    await page.waitForTimeout(1500);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    assert.deepEqual(workers, []);
  });
});

/**
 * Deploys a new build over `dir`, as an upload of a rebuilt dist/ would: the
 * JS glue and the wasm under new hashed names, a changed stylesheet (a custom
 * property the test reads) under a new name and hash, in every page.
 */
async function deploy(dir) {
  const index = await readFile(join(dir, "index.html"), "utf8");
  const name = (pattern) => index.match(pattern)[1];
  const old = {
    js: name(/data-np-js=["']?\.?\/?([^"' >]+\.js)/), wasm: name(/data-np-wasm=["']?\.?\/?([^"' >]+\.wasm)/),
    css: name(/href=["']?\.?\/?(main-[0-9a-f]+\.css)/),
  };
  const fresh = (file) => file.replace(/-([0-9a-f]{16})/, (_, hash) => "-" + [...hash].reverse().join(""));
  const build = { js: fresh(old.js), wasm: fresh(old.wasm), css: fresh(old.css), old };
  await rename(join(dir, old.js), join(dir, build.js));
  await rename(join(dir, old.wasm), join(dir, build.wasm));
  const css = await readFile(join(dir, old.css), "utf8");
  const changed = css + '\n.news-portal-page { --np-deploy: "2"; }\n';
  await rm(join(dir, old.css));
  await writeFile(join(dir, build.css), changed);
  const integrity = (text) => "sha384-" + createHash("sha384").update(text).digest("base64");
  const replacements = [[old.js, build.js], [old.wasm, build.wasm], [old.css, build.css], [integrity(css), integrity(changed)]];
  for (const file of await readdir(dir, { recursive: true })) {
    if (!file.endsWith(".html") || file.startsWith("api/")) continue;
    let html = await readFile(join(dir, file), "utf8");
    for (const [from, to] of replacements) html = html.replaceAll(from, to);
    await writeFile(join(dir, file), html);
  }
  return build;
}

/** Runs axe-core on a page whose CSP allows no script of its own (the offline view): evaluated, not injected. */
async function accessible(page, label) {
  await page.evaluate(await readFile(AXE, "utf8"));
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ["violations"] }))
    .violations.map((v) => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`));
  assert.deepEqual(violations, [], `axe-core violations on ${label}`);
}
