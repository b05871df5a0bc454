// The benchmark (run it with bench/run, which builds dist/ first). Prints
// figures; nothing here passes or fails. See docs/benchmark.md.
//
// 1. A site folder: the release bundle plus the static baseline, the same
//    listing page (page 1, az) and article as plain HTML with the same CSS,
//    no JS: the app's own rendering of the sample data, saved without scripts;
//    and under /pre/ the same bundle prerendered (scripts/prerender).
// 2. Every text file precompressed with brotli (q11), served as a CDN would:
//    to Lighthouse over HTTP/2 and TLS (a self-signed certificate the browsers
//    trust by its key; BENCH_HTTP1=1 for plain HTTP/1.1), to the timings in
//    Chromium (4.) over HTTP/1.1.
// 3. Lighthouse 12.2.3 in Debian's Chromium, 3 runs per target, default mobile
//    and HNPWA's "Faster 3G": medians and the ratio app / static per timing.
// 4. Chromium via playwright-core and the app's Performance API mark
//    (news-portal:view): navigation → listing shown, route changes (cold,
//    cached), page 1 → 2, and memory after 300 route changes against 10.
// 5. The bundle's sizes.
// 6. Photos (bench/photos.mjs): an article whose photo is a 3000 px camera
//    JPEG, with and without the publish step's variants: the bytes a phone
//    downloads, LCP on Faster 3G, Lighthouse's image audits.
// 7. The publish step on a generated tree of 10,000 articles × each sample
//    language (bench/generate-tree.mjs) exported as a CMS would, with 1,000
//    distinct camera photos: their variants cold and warm (cache kept),
//    check-api, and the prerender's pages per second and peak memory.
import { chromium } from "playwright-core";
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { cp, mkdir, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { brotliCompressSync, constants } from "node:zlib";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { availableParallelism } from "node:os";
import { promisify } from "node:util";
import { serve } from "../scripts/lib/server.mjs";
import { CHROMIUM_ARGS } from "../scripts/lib/chromium.mjs";
import { heapValues, total, wasmBytes } from "../scripts/lib/memory.mjs";
import { newsPublish } from "../scripts/lib/publisher.mjs";
import { bundleSizes, sizeTable } from "../scripts/size-report.mjs";
import { generateTree } from "./generate-tree.mjs";
import { cameraPhoto, distinctCopies } from "./camera-photo.mjs";
import { photoBench } from "./photos.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
const SITE = join(ROOT, "target", "bench", "site");
const REPORTS = join(ROOT, "target", "bench", "lighthouse");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const LIGHTHOUSE = join(ROOT, "bench", "node_modules", "lighthouse", "cli", "index.js");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MARK = "news-portal:view";
const TAKEOVER = "news-portal:takeover";
const TREE = join(ROOT, "target", "bench", "tree");
// What was tried to make the bundle lighter and route changes faster, as measured when tried.
const LEVERS = join(ROOT, "bench", "levers.md");
const TREE_ARTICLES = Number(process.env.BENCH_TREE ?? 10000);
// Distinct camera photos in the generated tree (article n shows photo n % this):
// the publish step's encode time is measured on them, cold and warm.
const TREE_PHOTOS = Math.min(Number(process.env.BENCH_PHOTOS ?? 1000), TREE_ARTICLES);
const PHOTO_CACHE = join(ROOT, "target", "bench", "photo-cache");
// Memory is read after this many route changes: growth that goes on from 300
// to 1,000 is a leak; a high-water mark reached by 300 is not.
const LEAK_CHANGES = [10, 300, 1000];
// BENCH_QUICK=1: the Chromium figures and sizes only (no Lighthouse, no tree).
const QUICK = process.env.BENCH_QUICK === "1";
const LANG = "az";
// Lighthouse gets the site over HTTP/2 and TLS, as a CDN serves it: over
// HTTP/1.1 its simulation gives each request beyond the first ones a
// connection of its own, and on the mobile profile the loader's one request
// alone then costs a prerendered article ~90 ms of LCP that no CDN visitor
// pays. BENCH_HTTP1=1: plain HTTP/1.1, to compare.
const HTTP1 = process.env.BENCH_HTTP1 === "1";
const TLS_DIR = join(ROOT, "target", "bench", "tls");

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const log = (text) => process.stderr.write(`bench: ${text}\n`);

// ---------------------------------------------------------------- 1. the site

/**
 * A self-signed certificate for 127.0.0.1 (openssl) and the browser flag that
 * trusts it by its key's hash, so that pages stay secure contexts and
 * Lighthouse's best practices see no certificate error.
 */
function localCertificate() {
  const key = join(TLS_DIR, "key.pem");
  const cert = join(TLS_DIR, "cert.pem");
  mkdirSync(TLS_DIR, { recursive: true });
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
    "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "ignore" });
  const publicKey = execFileSync("openssl", ["x509", "-pubkey", "-noout", "-in", cert]);
  const der = execFileSync("openssl", ["pkey", "-pubin", "-outform", "der"], { input: publicKey });
  const spki = execFileSync("openssl", ["dgst", "-sha256", "-binary"], { input: der }).toString("base64");
  return { tls: { key: readFileSync(key), cert: readFileSync(cert) }, trust: [`--ignore-certificate-errors-spki-list=${spki}`] };
}
const { tls, trust } = HTTP1 ? { tls: null, trust: [] } : localCertificate();
const BROWSER_ARGS = [...CHROMIUM_ARGS, ...trust];

/** The path of the first article on the default language's page 1. */
async function articlePath() {
  const page1 = JSON.parse(await readFile(join(DIST, "api", LANG, "news", "page-1.json"), "utf8"));
  return `/${LANG}/news/${page1.items[0].slug}`;
}

/**
 * Saves the app's rendering of `path` as a page without scripts: same markup,
 * same stylesheet, same images, the same data, and nothing to run.
 */
async function snapshot(browser, url, path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url + path);
  await markAfter(page, -1);
  const html = await page.evaluate(() => {
    const root = document.documentElement.cloneNode(true);
    root.querySelectorAll('script, link[rel="modulepreload"], link[rel="preload"], noscript').forEach((n) => n.remove());
    // Stylesheets the app's loader adopted (embedded mode) never apply here; keep the one in <head>.
    root.querySelectorAll('link[rel="stylesheet"]').forEach((n) => n.removeAttribute("integrity"));
    return "<!doctype html>\n" + root.outerHTML;
  });
  await context.close();
  return html;
}

async function precompress(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || ![".html", ".css", ".js", ".wasm", ".json", ".svg"].includes(extname(entry.name))) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    const body = await readFile(path);
    await writeFile(path + ".br", brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}

/** Writes the site, serves it, and adds the static baseline (made through that server, so its absolute URLs hold). */
async function buildSite(browser) {
  await rm(SITE, { recursive: true, force: true });
  await cp(DIST, SITE, { recursive: true });
  const cdn = await serve(SITE, { cdn: true, tls });
  const targets = { listing: `/${LANG}/`, article: await articlePath() };
  await mkdir(join(SITE, "static"), { recursive: true });
  for (const [name, path] of Object.entries(targets)) {
    await writeFile(join(SITE, "static", `${name}.html`), await snapshot(browser, cdn.url, path));
  }
  // The prerendered site, under /pre/ after the documented <base href> edit.
  const pre = join(SITE, "pre");
  await cp(DIST, pre, { recursive: true });
  const shell = join(pre, "index.html");
  await writeFile(shell, (await readFile(shell, "utf8")).replace('<base href="/">', '<base href="/pre/">'));
  const { stdout } = await newsPublish("prerender", [pre, "--origin", cdn.url]);
  log(stdout.trim().split("\n").at(-1));
  await precompress(SITE);
  return { cdn, targets };
}

// ---------------------------------------------------------------- 3. Lighthouse

const SETTINGS = {
  "mobile (Lighthouse default)": [],
  "Faster 3G (HNPWA)": ["--throttling.rttMs=300", "--throttling.throughputKbps=1600", "--throttling.cpuSlowdownMultiplier=4"],
};
const TIMINGS = {
  FCP: "first-contentful-paint", LCP: "largest-contentful-paint", TBT: "total-blocking-time",
  CLS: "cumulative-layout-shift", SI: "speed-index",
};
const CATEGORIES = { Perf: "performance", A11y: "accessibility", BP: "best-practices", SEO: "seo" };

async function lighthouse(url, flags, label, audits = []) {
  const chromeFlags = ["--headless=new", ...BROWSER_ARGS].join(" ");
  const { stdout } = await promisify(execFile)(process.execPath, [
    LIGHTHOUSE, url, "--quiet", "--output=json", "--output-path=stdout", `--chrome-flags=${chromeFlags}`, ...flags,
  ], { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 << 20 });
  const report = JSON.parse(stdout);
  await writeFile(join(REPORTS, `${label}.json`), stdout);
  if (report.runtimeError) throw new Error(`Lighthouse on ${url}: ${report.runtimeError.message}`);
  const figures = {};
  for (const [name, id] of Object.entries(TIMINGS)) figures[name] = report.audits[id].numericValue;
  for (const [name, id] of Object.entries(CATEGORIES)) figures[name] = Math.round(report.categories[id].score * 100);
  // How fast this machine ran during the audit (Lighthouse's own measure; higher is faster).
  figures.CPU = Math.round(report.environment.benchmarkIndex);
  // Asked-for audits: 1 passes; "n/a" when nothing on the page concerns them.
  const scores = Object.fromEntries(audits.map((id) => [id,
    report.audits[id].scoreDisplayMode === "notApplicable" ? "n/a" : report.audits[id].score]));
  const failing = Object.values(CATEGORIES).flatMap((id) => report.categories[id].auditRefs
    .filter((ref) => ref.weight > 0 && report.audits[ref.id].score !== null && report.audits[ref.id].score < 1 && id !== "performance")
    .map((ref) => `${id}: ${ref.id}`));
  return { figures, failing, audits: scores };
}

async function lighthouseAll(url, targets) {
  await mkdir(REPORTS, { recursive: true });
  const results = {};
  for (const [setting, flags] of Object.entries(SETTINGS)) {
    for (const [target, path] of Object.entries(targets)) {
      const variants = [["app", url + path], ["prerendered", `${url}/pre${path}`], ["static", `${url}/static/${target}.html`]];
      // Round by round, each variant once per round: this machine's speed
      // drifts over minutes, and the ratios compare variants measured together.
      const runsOf = Object.fromEntries(variants.map(([variant]) => [variant, []]));
      for (let run = 1; run <= RUNS; run++) {
        for (const [variant, address] of variants) {
          log(`Lighthouse ${setting}, ${target}, ${variant}, run ${run}/${RUNS}`);
          runsOf[variant].push(await lighthouse(address, flags, `${setting.split(" ")[0]}-${target}-${variant}-${run}`));
        }
      }
      for (const [variant] of variants) {
        const runs = runsOf[variant];
        const medians = {};
        for (const key of [...Object.keys(TIMINGS), ...Object.keys(CATEGORIES), "CPU"]) medians[key] = median(runs.map((r) => r.figures[key]));
        const failing = [...new Set(runs.flatMap((r) => r.failing))];
        (results[setting] ??= {})[target] ??= {};
        results[setting][target][variant] = { medians, failing };
      }
    }
  }
  return results;
}

function lighthouseTable(results) {
  const lines = [];
  const ms = (v) => (v >= 10 ? Math.round(v).toString() : v.toFixed(3));
  for (const [setting, targets] of Object.entries(results)) {
    lines.push(`\nLighthouse, ${setting}, served over ${HTTP1 ? "HTTP/1.1 (BENCH_HTTP1)" : "HTTP/2 and TLS, as a CDN"}: medians of ${RUNS} runs (ms; CLS unitless; CPU: Lighthouse's benchmarkIndex`,
      "during the runs, higher is faster: on a shared machine it moves by up to 2× between runs, and TBT moves too)");
    lines.push("target    variant      FCP     LCP     TBT     CLS     SI      Perf A11y BP  SEO CPU");
    for (const [target, variants] of Object.entries(targets)) {
      for (const variant of ["app", "prerendered", "static"]) {
        const m = variants[variant].medians;
        lines.push(`${target.padEnd(10)}${variant.padEnd(13)}${Object.keys(TIMINGS).map((k) => ms(m[k]).padEnd(8)).join("")}`
          + Object.keys(CATEGORIES).map((k) => String(m[k]).padEnd(k === "SEO" ? 4 : 5)).join("") + m.CPU);
      }
      const base = variants.static.medians;
      for (const [variant, label] of [["app", "app/static"], ["prerendered", "pre/static"]]) {
        const m = variants[variant].medians;
        const ratio = (k) => (base[k] > 0 ? (m[k] / base[k]).toFixed(2) + "×" : "–");
        lines.push(`${target.padEnd(10)}${label.padEnd(13)}${Object.keys(TIMINGS).map((k) => ratio(k).padEnd(8)).join("")}`);
      }
      for (const variant of ["app", "prerendered"]) {
        const failing = variants[variant].failing;
        if (failing.length) lines.push(`${"".padEnd(10)}${variant} audits below 100: ${failing.join(", ")}`);
      }
    }
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------- 4. Chromium

/** Faster 3G in the browser itself (DevTools throttling), for the app's own marks. */
async function throttle(cdp) {
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false, latency: 300, downloadThroughput: (1600 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
}

/** When the app last marked a view on screen (it keeps only the latest mark); -1 before the first. */
const lastMark = (page) => page.evaluate((mark) => performance.getEntriesByName(mark).at(-1)?.startTime ?? -1, MARK);
const markAfter = (page, time) => page.waitForFunction(([mark, t]) => (performance.getEntriesByName(mark).at(-1)?.startTime ?? -1) > t, [MARK, time]);

/**
 * A route change made inside the page: clicks `selector` (or goes back when it
 * is "back") and resolves, without polling, when the app's next view mark
 * appears: milliseconds from the click to that mark.
 */
const change = (page, selector) => page.evaluate(([mark, selector]) => new Promise((resolve) => {
  const observer = new PerformanceObserver((list) => {
    const entry = list.getEntries().find((e) => e.name === mark);
    if (entry) { observer.disconnect(); resolve(entry.startTime - start); }
  });
  observer.observe({ type: "mark" });
  const start = performance.now();
  if (selector === "back") history.back(); else document.querySelector(selector).click();
}), [MARK, selector]);

/** A route change: wall time to the view mark, and the main thread's task time (CDP) over it and the frame after. */
async function timed(page, cdp, selector) {
  const task = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration").value;
  const busy = await task();
  const wall = await change(page, selector);
  await page.waitForTimeout(100); // the frame's style, layout and paint
  return { wall, main: ((await task()) - busy) * 1000 };
}
async function freshPage(browser, slow) {
  const context = await browser.newContext({ locale: "az-AZ", viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  if (slow) await throttle(cdp);
  return { page, cdp, close: () => context.close() };
}

async function interactions(browser, url, slow) {
  const figures = {
    "navigation → listing shown": [], "prerendered → taken over": [],
    "listing → article, cold": [], "listing → article, cached": [], "page 1 → page 2": [],
    "page 1 → page 2, JSON fetched": [],
  };
  const main = {
    "listing → article, cold": [], "listing → article, cached": [], "page 1 → page 2": [],
    "page 1 → page 2, JSON fetched": [],
  };
  for (let run = 0; run < 5; run++) {
    const { page, cdp, close } = await freshPage(browser, slow);
    await page.goto(`${url}/${LANG}/`);
    await markAfter(page, -1);
    figures["navigation → listing shown"].push(await lastMark(page));
    const record = (name, result) => { figures[name].push(result.wall); main[name].push(result.main); };
    record("listing → article, cold", await timed(page, cdp, ".news-card__title a"));
    await timed(page, cdp, "back");
    record("listing → article, cached", await timed(page, cdp, ".news-card__title a"));
    await timed(page, cdp, "back");
    record("page 1 → page 2", await timed(page, cdp, 'a[rel="next"]'));
    await timed(page, cdp, "back");
    record("page 1 → page 2, JSON fetched", await timed(page, cdp, 'a[rel="next"]'));
    // The prerendered listing: shown at once; this is when the app has it.
    await page.goto(`${url}/pre/${LANG}/`);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, TAKEOVER);
    figures["prerendered → taken over"].push(await page.evaluate((mark) => performance.getEntriesByName(mark)[0].startTime, TAKEOVER));
    await close();
  }
  return { figures, main };
}

/** JS heap (after a forced collection), the JS values in it, and wasm memory, in bytes. */
async function memory(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const { counts, bytes } = await heapValues(cdp);
  return { heap: usedSize, values: total(counts), valueBytes: bytes, wasm: await wasmBytes(cdp) };
}

async function leakCheck(browser, url) {
  const { page, cdp, close } = await freshPage(browser, false);
  await page.goto(`${url}/${LANG}/`);
  await markAfter(page, -1);
  const at = {};
  for (let n = 1; n <= LEAK_CHANGES.at(-1); n++) {
    // Listing → article by its link, article → listing by its back link.
    await change(page, n % 2 ? ".news-card__title a" : ".article__back a");
    if (LEAK_CHANGES.includes(n)) at[n] = await memory(cdp);
  }
  await close();
  return at;
}

function interactionTable(fast, slow, leak) {
  const ms = (v) => `${v.toFixed(1)} ms`;
  const lines = ["\nIn Chromium (playwright-core, the app's news-portal:view mark): medians of 5 runs",
    "(cached: the article's JSON was fetched a moment ago, so the app has it; main thread: task time until 100 ms after the mark)"];
  lines.push("measure                        unthrottled   main thread   Faster 3G + 4× CPU");
  for (const name of Object.keys(fast.figures)) {
    const mainThread = fast.main[name] ? ms(median(fast.main[name])) : "";
    lines.push(`${name.padEnd(31)}${ms(median(fast.figures[name])).padEnd(14)}${mainThread.padEnd(14)}${ms(median(slow.figures[name]))}`);
  }
  const mib = (n) => `${(n / 1048576).toFixed(2)} MiB`;
  const growth = (a, b) => `${(((b - a) / a) * 100).toFixed(1)}%`;
  lines.push("\nMemory after route changes (JS heap after a forced GC, which holds the engine's compiled code too; the JS values in it,");
  lines.push("objects, closures, arrays, strings, counted and their bytes summed in a heap snapshot; wasm linear memory)");
  const [first, ...later] = LEAK_CHANGES;
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  lines.push(`after ${first}:`.padEnd(12) + `JS heap ${mib(leak[first].heap)}, JS values ${leak[first].values} (${kib(leak[first].valueBytes)}), wasm ${mib(leak[first].wasm)}`);
  later.forEach((n, i) => {
    const before = LEAK_CHANGES[i];
    lines.push(`after ${n}:`.padEnd(12) + `JS heap ${mib(leak[n].heap)} (${growth(leak[before].heap, leak[n].heap)} since ${before}), ` +
      `JS values ${leak[n].values} (${leak[n].values - leak[before].values >= 0 ? "+" : ""}${leak[n].values - leak[before].values}), ` +
      `${kib(leak[n].valueBytes)} (${growth(leak[before].valueBytes, leak[n].valueBytes)}), ` +
      `wasm ${mib(leak[n].wasm)} (${growth(leak[before].wasm, leak[n].wasm)} since ${before})`);
  });
  return lines.join("\n");
}

// ---------------------------------------------------------------- search

/** Bytes of every file below `dir`. */
async function folderBytes(dir) {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath ?? entry.path, entry.name))).size;
  }
  return total;
}

/** The index's own files in a Pagefind folder (not its code, not its UI files). */
async function indexBytes(folder) {
  let total = 0;
  for (const sub of ["index", "filter", "fragment"]) total += await folderBytes(join(folder, sub)).catch(() => 0);
  for (const name of await readdir(folder)) if (name.endsWith(".pf_meta")) total += (await stat(join(folder, name))).size;
  return total;
}

/** Pagefind's code the browser loads: pagefind.js and its wasm. */
async function codeBytes(folder) {
  let total = 0;
  for (const name of await readdir(folder)) {
    if (name === "pagefind.js" || name.endsWith(".pagefind")) total += (await stat(join(folder, name))).size;
  }
  return total;
}

/**
 * The search index of each language of a published site (`dir`), and in
 * Chromium the time from asking to the first results on screen: cold (a new
 * visitor: search.js, Pagefind and the index's chunks fetched) and warm (the
 * next search in the same page). Words from the first article of the listing.
 */
async function searchFigures(browser, url, dir) {
  const lines = ["\nSearch (Pagefind, made by the prerender step): index per language, and time to the first results"];
  for (const lang of (JSON.parse(await readFile(join(dir, "api", "site.json"), "utf8"))).languages.map((l) => l.code)) {
    const folder = join(dir, "pagefind", lang);
    if ((await stat(folder).catch(() => null)) === null) { lines.push(`${lang}: no index (Pagefind not found)`); continue; }
    const entry = JSON.parse(await readFile(join(folder, "pagefind-entry.json"), "utf8"));
    const [index] = Object.values(entry.languages);
    lines.push(`${lang}: ${index.page_count} articles, index ${((await indexBytes(folder)) / 1024).toFixed(0)} KiB (chunks, filters, fragments), Pagefind's code ${((await codeBytes(folder)) / 1024).toFixed(0)} KiB (pagefind.js, wasm); a search fetches a few of them`);
  }
  const first = JSON.parse(await readFile(join(dir, "api", LANG, "news", "page-1.json"), "utf8")).items;
  const words = first.slice(0, 4).map((item) => item.title.split(/\s+/).sort((a, b) => b.length - a.length)[0].toLowerCase());
  const answered = (page, word) => page.waitForFunction((word) => document.querySelector(".search__body")?.dataset.answered?.includes(JSON.stringify(word)), word);
  // Apart from the network: from the arrival of the last Pagefind file this
  // search fetched (its index chunks, filters and the results' fragments,
  // which Pagefind's worker fetches; or from the asking, when it fetched
  // none) to the results on screen, stamped by a MutationObserver at the
  // moment search.js says it answered. Times in ms since the epoch.
  const watchFiles = (page) => {
    const files = [];
    page.context().on("requestfinished", (request) => {
      const timing = request.timing();
      if (request.url().includes("/pagefind/") && timing.responseEnd >= 0) {
        files.push({ start: timing.startTime, end: timing.startTime + timing.responseEnd });
      }
    });
    return files;
  };
  const afterFiles = async (page, files, word, askedAt) => {
    const shown = await page.evaluate((word) => performance.timeOrigin
      + globalThis.__answers.find((answer) => answer.value.includes(JSON.stringify(word))).at, word);
    const fetched = files.filter((file) => file.start >= askedAt && file.end <= shown);
    return shown - Math.max(askedAt, ...fetched.map((file) => file.end));
  };
  const stampAnswers = () => {
    globalThis.__answers = [];
    // Answered in the page, or answered off screen and then put on it (a
    // prerendered search page gives way to the app once search.js has drawn).
    new MutationObserver((records) => {
      for (const record of records) {
        const answered = record.type === "attributes" ? [record.target]
          : [...record.addedNodes].flatMap((node) => (node.nodeType === 1 ? [node, ...node.querySelectorAll("[data-answered]")] : []));
        for (const element of answered) {
          const value = element.getAttribute("data-answered");
          if (value) globalThis.__answers.push({ value, at: performance.now() });
        }
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-answered"] });
  };
  const cold = [], warm = [], coldAfter = [], warmAfter = [];
  for (let run = 0; run < 5; run++) {
    const { page, close } = await freshPage(browser, false);
    await page.addInitScript(stampAnswers);
    const files = watchFiles(page);
    const started = Date.now();
    await page.goto(`${url}/${LANG}/search?q=${encodeURIComponent(words[0])}`);
    await answered(page, words[0]);
    cold.push(Date.now() - started);
    coldAfter.push(await afterFiles(page, files, words[0], started));
    for (const word of words.slice(1)) {
      await page.fill("#search-text", word);
      const at = Date.now();
      await page.press("#search-text", "Enter");
      await answered(page, word);
      warm.push(Date.now() - at);
      warmAfter.push(await afterFiles(page, files, word, at));
    }
    await close();
  }
  lines.push(`first results, cold (page load, search.js, Pagefind, index chunks): ${median(cold).toFixed(0)} ms; warm (the next search in the page): ${median(warm).toFixed(0)} ms; unthrottled, medians`);
  lines.push(`first results after the last index file arrived (Pagefind's search and the results view, without the network): cold ${median(coldAfter).toFixed(1)} ms, warm ${median(warmAfter).toFixed(1)} ms, medians; slowest of ${coldAfter.length + warmAfter.length} searches ${Math.max(...coldAfter, ...warmAfter).toFixed(1)} ms, ${[...coldAfter, ...warmAfter].filter((ms) => ms > 100).length} over 100 ms`);
  return lines.join("\n");
}

// ---------------------------------------------------------------- run

if ((await stat(DIST).catch(() => null)) === null) throw new Error("bench: no dist/; run bench/run, which builds it");
const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
log("writing the static baseline and precompressing the site");
const { cdn, targets } = await buildSite(browser);
log(`serving ${SITE} at ${cdn.url} (${HTTP1 ? "HTTP/1.1" : "HTTP/2 over TLS"}, brotli, CDN caching)`);
// The app's own timings in Chromium are taken over plain HTTP/1.1, as in
// every earlier run: a local TLS server encrypts on the same two cores the
// browser runs on, inside the measured interval (the same build: a cached
// listing -> article 24-26 ms over HTTP/2 and TLS, 10 ms over HTTP/1.1).
// Lighthouse simulates the network from the protocol, and gets the CDN's.
const plain = HTTP1 ? cdn : await serve(SITE, { cdn: true });
log("Chromium: route changes, unthrottled and Faster 3G");
const fast = await interactions(browser, plain.url, false);
const slow = await interactions(browser, plain.url, true);
log(`Chromium: ${LEAK_CHANGES.at(-1)} route changes`);
const leak = await leakCheck(browser, plain.url);
log("Chromium: search");
const search = await searchFigures(browser, `${plain.url}/pre`, join(SITE, "pre"));
const results = QUICK ? null : await lighthouseAll(cdn.url, targets);
await cdn.close();
if (plain !== cdn) await plain.close();
let tree, cold, warm, photos, treeIndex;
if (!QUICK) {
  log("photos: an article with a camera photo, with and without variants");
  const camera = await cameraPhoto(browser, 1);
  photos = await photoBench({
    browser, dist: DIST, dir: join(ROOT, "target", "bench", "photos"), lang: LANG, photo: camera,
    lighthouse, runs: RUNS, median, precompress,
  });
  // The publish step on the generated tree, as an agency's CI runs it on a
  // CMS export: photo variants (none cached: cold), check-api, prerender;
  // then the same export again with the cache kept (warm).
  const publishTree = async () => {
    const { stdout } = await newsPublish("publish", [TREE, "--origin", "https://www.example.gov", "--cache", PHOTO_CACHE]);
    const line = (pattern) => stdout.split("\n").find((l) => pattern.test(l)) ?? "(not printed)";
    return {
      variants: line(/photo\(s\) got variants/), checked: line(/^checked \d+ documents/),
      step: line(/^prerendered \d+ pages/), search: line(/^wrote the search index/),
    };
  };
  const copies = distinctCopies(camera, TREE_PHOTOS);
  await rm(PHOTO_CACHE, { recursive: true, force: true });
  log(`the publish step on ${TREE_ARTICLES} generated articles per language with ${TREE_PHOTOS} camera photos, cold`);
  tree = await generateTree(DIST, TREE, TREE_ARTICLES, copies);
  cold = await publishTree();
  const treeLangs = JSON.parse(await readFile(join(TREE, "api", "site.json"), "utf8")).languages.map((l) => l.code);
  treeIndex = [];
  for (const lang of treeLangs) {
    const folder = join(TREE, "pagefind", lang);
    if ((await stat(folder).catch(() => null)) !== null) treeIndex.push(`${lang} ${((await indexBytes(folder)) / 1048576).toFixed(1)} MiB`);
  }
  log("the same tree exported again, the photo cache kept (warm)");
  await generateTree(DIST, TREE, TREE_ARTICLES, copies);
  warm = await publishTree();
  await rm(TREE, { recursive: true, force: true });
  await rm(PHOTO_CACHE, { recursive: true, force: true });
}
await browser.close();

console.log(`News portal benchmark, ${new Date().toISOString()}; listing ${targets.listing}, article ${targets.article}`);
if (results) console.log(lighthouseTable(results));
console.log(interactionTable(fast, slow, leak));
console.log(search);
console.log("\n" + sizeTable(bundleSizes(DIST)));
if (photos) console.log(photos);
if (tree) {
  console.log(`\nPublish step (scripts/publish on a CMS-style export), ${TREE_ARTICLES} articles × ${tree.languages} languages (${tree.pages} pages expected), ${TREE_PHOTOS} camera photos, ${availableParallelism()} cores:`);
  console.log(`photo variants, cold: ${cold.variants}\nphoto variants, warm: ${warm.variants}`);
  console.log(`check-api: ${cold.checked}\nprerender: ${cold.step} (the search index's time included)\nsearch index: ${cold.search}; on disk: ${treeIndex.join(", ")}`);
  console.log(`\nLighthouse reports: ${REPORTS}`);
}
console.log("\n" + await readFile(LEVERS, "utf8"));
