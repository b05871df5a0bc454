// What validators, crawlers and preview bots read, checked with tools nobody
// here wrote: the W3C Nu Html Checker (npm `vnu-jar`, on Debian's Java) over
// every prerendered page, and a link preview read from raw HTML as a bot
// reads it (og:image fetched: a raster file of the size the page says). On
// the published sample, and on a publisher's content folder the app has
// never seen (a camera photo, an SVG chart with text, an article without a
// photo, date-only dates). Both are published for one origin and served from
// another, as a staging copy is: the pages' photos must load all the same.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { deployCopy, onCleanup, start, withPage } from "./harness.mjs";
import { newsPublish } from "../../scripts/lib/publisher.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const VNU = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");
const ORIGIN = "https://www.example.gov";

/** Every prerendered page below `dir` (not the API tree or the search index's files). */
async function pages(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !/^(api|pagefind)\//.test(relative(dir, file)));
}

/** The Nu checker's errors for `files`, as "file: line: message" lines. */
async function validate(dir, files) {
  const { stderr } = await promisify(execFile)(
    "java",
    ["-jar", VNU, "--errors-only", "--format", "json", ...files],
    { maxBuffer: 64 << 20 },
  ).catch((failed) => failed); // exit status 1 when it found errors; the JSON says which
  const { messages } = JSON.parse(stderr);
  return messages
    .filter((message) => message.type === "error" || message.subType === "fatal")
    .map((message) => `${relative(dir, fileURLToPath(message.url))}:${message.lastLine}: ${message.message}`);
}

/** The `content` of `<meta property="…">` in raw HTML. */
function meta(html, property) {
  return html.match(new RegExp(`<meta property="${property}" content="([^"]*)"`))?.[1];
}

/** A JPEG's or PNG's size from its bytes, as a bot reads it; null for anything else. */
function rasterSize(bytes) {
  if (bytes.subarray(1, 4).toString() === "PNG") return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  for (let at = 2; at + 9 < bytes.length; ) {
    const marker = bytes[at + 1];
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) return [bytes.readUInt16BE(at + 7), bytes.readUInt16BE(at + 5)];
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  return null;
}

/**
 * Publishes `content` into a copy of dist/ for ORIGIN and serves it from
 * the test's own origin: resolves to { dir, app }.
 */
async function published(content) {
  const dir = await deployCopy();
  await newsPublish("publish", [dir, "--content", content, "--origin", ORIGIN]);
  const app = await start({ root: dir });
  return { dir, app };
}

/** A publisher's content folder nobody here wrote: two languages, raster, SVG chart, no photo, dates alone. */
async function unseenContent() {
  const dir = await mkdtemp(join(tmpdir(), "news-unseen-"));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  await mkdir(join(dir, "img"), { recursive: true });
  await cp(join(ROOT, "content", "img", "news", "regional-office-lankaran.jpg"), join(dir, "img", "office.jpg"));
  await writeFile(join(dir, "img", "chart.svg"), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360">
  <rect width="640" height="360" fill="#f4f4f4"/><rect x="60" y="120" width="80" height="200" fill="#1d70b8"/>
  <rect x="200" y="60" width="80" height="260" fill="#1d70b8"/><text x="60" y="40" font-size="28" font-family="sans-serif">Applications 2025</text></svg>`);
  await writeFile(join(dir, "img", "seal.svg"), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="#b00"/></svg>`);
  await writeFile(join(dir, "site.toml"), `default_language = "en"
per_page = 2
timezone = "America/New_York"
tag_authority = "registry.example.org,2025"
[[languages]]
code = "en"
name = "English"
agency = "Civil Registry Office"
logo = { src = "img/seal.svg", alt = "Seal of the Civil Registry" }
[[languages]]
code = "ru"
name = "Русский"
agency = "Служба записи актов"
logo = { src = "img/seal.svg", alt = "Печать службы" }
`);
  const articles = [
    ["office-opens", "2025-03-28", "[photo]\nsrc = \"../../img/office.jpg\"\nalt = \"The new office\"\n"],
    ["figures-2025", "2025-04-02", "[photo]\nsrc = \"../../img/chart.svg\"\nalt = \"Bar chart of applications\"\n"],
    ["opening-hours", "2025-04-10T09:15:00-04:00", ""],
  ];
  for (const lang of ["en", "ru"]) {
    await mkdir(join(dir, lang, "news"), { recursive: true });
    await mkdir(join(dir, lang, "pages"), { recursive: true });
    for (const [slug, published, photo] of articles) {
      await writeFile(join(dir, lang, "news", `${slug}.md`), `+++
id = "${slug}"
title = "${lang === "en" ? "News" : "Новость"}: ${slug}"
published = "${published}"
summary = "About ${slug}."
${photo}+++
The text of ${slug}, with a [link](https://registry.example.org/) & an ampersand.
`);
    }
    for (const legal of ["terms", "privacy"]) {
      await writeFile(join(dir, lang, "pages", `${legal}.md`), `+++\ntitle = "${legal}"\n+++\nText of ${legal}.\n`);
    }
  }
  return dir;
}

const trees = {};
before(async () => {
  trees.sample = await published(join(ROOT, "content"));
  trees.unseen = await published(await unseenContent());
});

for (const name of ["sample", "unseen"]) {
  test(`${name}: every prerendered page is valid HTML (W3C Nu Html Checker)`, async () => {
    const { dir } = trees[name];
    const files = await pages(dir);
    assert.ok(files.length > 5, `${files.length} pages`);
    assert.deepEqual(await validate(dir, files), []);
  });

  test(`${name}: previews read from raw HTML are raster files of the size they say, and pages work on another origin`, async () => {
    const { dir, app } = trees[name];
    const files = (await pages(dir)).filter((file) => /\/news\/[^/]+\.html$/.test(file));
    assert.ok(files.length > 0);
    for (const file of files) {
      const html = await readFile(file, "utf8");
      // Only the share links and the printed address name the origin: they
      // are for other sites and paper, where the page's own URL is the one.
      const body = html.slice(html.indexOf("data-np-prerendered>")).replace(/<div class="article__end">[\s\S]*?<\/div>/, "");
      assert.ok(!body.includes(ORIGIN), `${relative(dir, file)}: the body names the origin`);
      const image = meta(html, "og:image");
      assert.ok(image?.startsWith(`${ORIGIN}/`), `${relative(dir, file)}: og:image ${image}`);
      const response = await fetch(`${app.server.url}/${image.slice(ORIGIN.length + 1)}`);
      assert.equal(response.status, 200, image);
      const size = rasterSize(Buffer.from(await response.arrayBuffer()));
      assert.ok(size, `${image} is a JPEG or PNG`);
      assert.deepEqual(size, [Number(meta(html, "og:image:width")), Number(meta(html, "og:image:height"))], image);
      assert.ok(meta(html, "og:image:alt"), `${relative(dir, file)}: og:image:alt`);
      assert.match(meta(html, "og:locale"), /^[a-z]{2,3}_[A-Z]{2}$/);
      assert.ok(!meta(html, "og:title").includes(meta(html, "og:site_name")), "the site's name only in og:site_name");
    }
    // Served from this test's origin, not ORIGIN: every photo of an article loads.
    const article = relative(dir, files[0]).replace(/\.html$/, "");
    await withPage(app.browser, async (page) => {
      await page.route("**/*", (route) => (new URL(route.request().url()).origin === app.server.url ? route.continue() : route.abort()));
      await page.goto(`${app.server.url}/${article}`, { waitUntil: "load" });
      const broken = await page.$$eval("img", (images) => images.filter((image) => !image.complete || image.naturalWidth === 0).map((image) => image.currentSrc || image.src));
      assert.deepEqual(broken, []);
    });
  });
}

test("unseen: the feed has whole articles, in the agency's day, and photos at absolute URLs", async () => {
  const { dir } = trees.unseen;
  const feed = await readFile(join(dir, "en", "feed.xml"), "utf8");
  const entries = feed.split("<entry>").slice(1);
  assert.equal(entries.length, 3);
  for (const entry of entries) {
    assert.match(entry, /<id>tag:registry\.example\.org,2025:en\/news\/[a-z0-9-]+<\/id>/);
    assert.match(entry, /<content type="html">.*The text of/s);
  }
  // New York's day, not UTC's midnight (the evening before there).
  assert.match(feed, /<published>2025-03-28T00:00:00-04:00<\/published>/);
  assert.match(feed, /<published>2025-04-10T09:15:00-04:00<\/published>/);
  assert.match(feed, /&lt;img src=&quot;https:\/\/www\.example\.gov\/api\/img\//);
  // An SVG chart as the JPEG drawn of it: some readers and mail bridges show no SVG.
  assert.match(feed, /&lt;img src=&quot;https:\/\/www\.example\.gov\/preview\/[0-9a-f]+-whole\.jpg&quot;/);
  assert.doesNotMatch(feed, /\.svg&quot;/);
});
