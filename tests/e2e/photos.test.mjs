// End-to-end: photo variants (publish/src/photos/, components/picture.rs). A
// phone downloads the one variant of a photo that fits its screen, WebP, and
// never the camera original; the <picture> offers WebP first, then JPEG, with
// the layout's sizes; the <img> keeps its width and height. The photo is found
// in the data, not assumed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DIST, servedApp, screenshot } from "./harness.mjs";

const env = servedApp();
const json = async (path) => JSON.parse(await readFile(join(DIST, "api", path), "utf8"));
const name = (url) => url.split("/").at(-1);

/** The first listed article whose photo has variants: its language, slug and photo. */
async function articleWithVariants() {
  for (const { code } of (await json("site.json")).languages) {
    const first = await json(`${code}/news/page-1.json`);
    for (let n = 1; n <= first.total_pages; n++) {
      for (const item of (await json(`${code}/news/page-${n}.json`)).items) {
        const article = await json(`${code}/news/${item.slug}.json`);
        if (article.photo?.sources?.length) return { lang: code, slug: item.slug, photo: article.photo };
      }
    }
  }
  return null;
}

/** A phone (412 px, 1.75 device pixels per CSS pixel, as Lighthouse's) that records its image requests. */
async function phone() {
  const context = await env.browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, serviceWorkers: "block" });
  const page = await context.newPage();
  const images = [];
  page.on("request", (request) => { if (request.resourceType() === "image") images.push(name(new URL(request.url()).pathname)); });
  return { page, images, close: () => context.close() };
}

test("a 412 px phone downloads one WebP variant of an article's photo, not the original", async () => {
  const found = await articleWithVariants();
  assert.ok(found, "the sample has an article whose photo has variants");
  const { lang, slug, photo } = found;
  const { page, images, close } = await phone();
  try {
    await page.goto(env.url(`/${lang}/news/${slug}`));
    const img = page.locator("figure.photo picture img").first();
    await img.waitFor();
    await page.waitForFunction(() => document.querySelector("figure.photo img")?.complete);
    const own = [name(photo.src), ...photo.sources.map((source) => name(source.src))];
    const downloaded = images.filter((image) => own.includes(image));
    assert.equal(downloaded.length, 1, `one file of the photo, got ${downloaded}`);
    assert.notEqual(downloaded[0], name(photo.src), "not the camera original");
    const chosen = photo.sources.find((source) => name(source.src) === downloaded[0]);
    assert.equal(chosen.type, "image/webp");
    // 412 − 2 × 16 px of padding, at 1.75: 665 device pixels; the next width up, not a larger one.
    const needed = (412 - 32) * 1.75;
    const widths = photo.sources.filter((source) => source.type === "image/webp").map((source) => source.width).sort((a, b) => a - b);
    assert.equal(chosen.width, widths.find((width) => width >= needed) ?? widths.at(-1));
    const markup = await page.evaluate(() => {
      const picture = document.querySelector("figure.photo picture");
      const img = picture.querySelector("img");
      return {
        types: [...picture.querySelectorAll("source")].map((source) => source.type),
        sizes: [...picture.querySelectorAll("source")].map((source) => source.sizes),
        size: [img.getAttribute("width"), img.getAttribute("height")],
        priority: img.getAttribute("fetchpriority"),
        current: img.currentSrc,
      };
    });
    assert.deepEqual(markup.types, ["image/webp", "image/jpeg"]);
    assert.ok(markup.sizes.every((sizes) => sizes.includes("46rem")), "the article column's sizes");
    assert.deepEqual(markup.size, [String(photo.width), String(photo.height)]);
    assert.equal(markup.priority, "high");
    assert.equal(name(markup.current), downloaded[0]);
    await screenshot(page, "photo-variant-phone");
  } finally {
    await close();
  }
});

test("listing cards on a phone download variants, never an original that has them", async () => {
  const found = await articleWithVariants();
  const { page, images, close } = await phone();
  try {
    await page.goto(env.url(`/${found.lang}/`));
    await page.locator(".news-card__title a").first().waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll(".news-card picture img")].slice(0, 2).every((img) => img.complete));
    const listing = await json(`${found.lang}/news/page-1.json`);
    for (const item of listing.items.filter((item) => item.photo?.sources?.length)) {
      assert.ok(!images.includes(name(item.photo.src)), `${item.slug}: its original was downloaded`);
    }
    const cards = await page.evaluate(() => [...document.querySelectorAll(".news-card picture")]
      .filter((picture) => picture.querySelector("source"))
      .map((picture) => picture.querySelector("source").sizes));
    assert.ok(cards.length > 0, "a card with variants");
    assert.ok(cards.every((sizes) => sizes.includes("calc(100vw - 2rem)")), "the card column's sizes");
  } finally {
    await close();
  }
});
