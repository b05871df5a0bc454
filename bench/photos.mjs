// The benchmark's photo figures (issue 16): an article whose photo is a
// 3000 px camera JPEG (bench/camera-photo.mjs), published twice from the same
// built app: once with the photo variants the publish step makes, once with the
// original alone (as before variants). For each: the bytes of that photo a
// 412 px phone downloads, and Lighthouse on Faster 3G (LCP, and the image
// audits). The encode time is measured on the generated tree (bench.mjs).
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { serve } from "../scripts/lib/server.mjs";
import { newsPublish } from "../scripts/lib/publisher.mjs";
import { PHOTO_HEIGHT, PHOTO_WIDTH } from "./camera-photo.mjs";

const PHOTO_FILE = "img/bench/camera.jpg";
// Lighthouse's mobile screen: 412 × 823 CSS px at a device pixel ratio of 1.75.
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true };
const IMAGE_AUDITS = ["uses-responsive-images", "modern-image-formats", "uses-optimized-images"];

/**
 * One copy of `dist` under `dir/variant/` whose first listed article (in
 * `lang`) shows `photo`, published by `publish` (with variants) or only
 * prerendered (`prerender`, the original alone). Resolves to the article's path.
 */
async function publishCopy({ dist, dir, variant, lang, photo, origin }) {
  const site = join(dir, variant);
  await cp(dist, site, { recursive: true });
  const shell = join(site, "index.html");
  await writeFile(shell, (await readFile(shell, "utf8")).replace('<base href="/">', `<base href="/${variant}/">`));
  const api = join(site, "api");
  await mkdir(join(api, "img", "bench"), { recursive: true });
  await writeFile(join(api, PHOTO_FILE), photo);
  const listing = join(api, lang, "news", "page-1.json");
  const page = JSON.parse(await readFile(listing, "utf8"));
  const slug = page.items[0].slug;
  const article = join(api, lang, "news", `${slug}.json`);
  const doc = JSON.parse(await readFile(article, "utf8"));
  // As a CMS exports it: the camera's file, its size, no variants.
  const camera = (alt) => ({ src: `../../${PHOTO_FILE}`, alt, width: PHOTO_WIDTH, height: PHOTO_HEIGHT });
  doc.photo = camera(doc.photo?.alt || doc.title);
  page.items[0].photo = camera(page.items[0].photo?.alt || page.items[0].title);
  await writeFile(article, JSON.stringify(doc));
  await writeFile(listing, JSON.stringify(page));
  if (variant === "with") {
    await newsPublish("publish", [site, "--origin", origin, "--cache", join(dir, "cache")]);
  } else {
    await newsPublish("prerender", [site, "--origin", origin]);
  }
  return `/${variant}/${lang}/news/${slug}`;
}

/** The bytes of the article's photo (any of its files) a phone downloads on `url`. */
async function phoneBytes(browser, url) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const files = [];
  page.on("requestfinished", async (request) => {
    if (!/\/img\/(bench\/camera|v\/)/.test(request.url())) return;
    const sizes = await request.sizes();
    files.push({ url: request.url().split("/").at(-1), bytes: sizes.responseBodySize });
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await context.close();
  return files;
}

/** Runs the photo benchmark; resolves to the lines it prints. */
export async function photoBench({ browser, dist, dir, lang, photo, lighthouse, runs, median, precompress }) {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await cp(join(dist, "index.html"), join(dir, "index.html")); // the server's fallback
  const server = await serve(dir, { cdn: true });
  const paths = {};
  for (const variant of ["with", "without"]) {
    paths[variant] = await publishCopy({ dist, dir, variant, lang, photo, origin: server.url });
  }
  await precompress(dir); // served as a CDN serves them, as the main site is
  const lines = [`\nPhotos: an article whose photo is a ${PHOTO_WIDTH} × ${PHOTO_HEIGHT} camera JPEG of ${(photo.length / 1024).toFixed(0)} KiB (bench/camera-photo.mjs)`];
  lines.push("variants   a 412 px phone (DPR 1.75) downloads              LCP, Faster 3G (median of " + runs + ")   image audits");
  const flags = ["--throttling.rttMs=300", "--throttling.throughputKbps=1600", "--throttling.cpuSlowdownMultiplier=4"];
  for (const variant of ["with", "without"]) {
    const files = await phoneBytes(browser, server.url + paths[variant]);
    const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
    const reports = [];
    for (let n = 1; n <= runs; n++) {
      reports.push(await lighthouse(server.url + paths[variant], flags, `photos-${variant}-${n}`, IMAGE_AUDITS));
    }
    const lcp = median(reports.map((r) => r.figures.LCP));
    const verdict = (score) => (score === 1 ? "pass" : score === "n/a" ? "n/a" : `FAIL (${score})`);
    const audits = IMAGE_AUDITS.map((id) => `${id} ${verdict(reports[0].audits[id])}`).join(", ");
    const downloaded = `${(bytes / 1024).toFixed(1)} KiB in ${files.length} file(s): ${files.map((f) => f.url).join(", ")}`;
    lines.push(`${variant.padEnd(11)}${downloaded.padEnd(48)} ${`${Math.round(lcp)} ms`.padEnd(32)} ${audits}`);
  }
  await server.close();
  await rm(dir, { recursive: true, force: true });
  return lines.join("\n");
}
