// Makes the sample's raster photos (content/img/news/*.jpg): the project's own
// pictures, not anyone's photographs, so they are free of rights (CC0, see
// content/img/news/PHOTOS.md). Each is the article's SVG illustration drawn
// large, with soft light and film grain, so that it weighs what a press
// service's camera JPEG weighs (3000 px, 1–3 MB) and the photo variants of
// publishing (publish/src/photos/) have real work to do. Deterministic: the
// grain comes from a seeded generator.
//   node scripts/make-sample-photos.mjs NAME…   (names of content/img/news/NAME.svg)
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CHROMIUM_ARGS } from "./lib/chromium.mjs";

const DIR = join(import.meta.dirname, "..", "content", "img", "news");
const [WIDTH, HEIGHT] = [3000, 2000];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
const page = await browser.newPage();
for (const [index, name] of process.argv.slice(2).entries()) {
  const svg = readFileSync(join(DIR, `${name}.svg`), "utf8");
  const base64 = await page.evaluate(async ({ svg, width, height, seed }) => {
    const image = new Image();
    image.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svg)))}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0, width, height);
    // Light from the upper left, as in a room photo.
    const light = context.createRadialGradient(width * 0.3, height * 0.2, 0, width * 0.3, height * 0.2, width);
    light.addColorStop(0, "rgba(255,250,240,0.25)");
    light.addColorStop(1, "rgba(0,0,20,0.35)");
    context.fillStyle = light;
    context.fillRect(0, 0, width, height);
    // Grain: what makes a camera's JPEG heavy.
    const pixels = context.getImageData(0, 0, width, height);
    let state = seed;
    const random = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 4294967296);
    for (let i = 0; i < pixels.data.length; i += 4) {
      const grain = (random() - 0.5) * 28;
      pixels.data[i] += grain;
      pixels.data[i + 1] += grain;
      pixels.data[i + 2] += grain;
    }
    context.putImageData(pixels, 0, 0);
    return canvas.toDataURL("image/jpeg", 0.92).split(",")[1];
  }, { svg, width: WIDTH, height: HEIGHT, seed: 7919 * (index + 1) });
  const bytes = Buffer.from(base64, "base64");
  writeFileSync(join(DIR, `${name}.jpg`), bytes);
  console.log(`${name}.jpg: ${WIDTH}×${HEIGHT}, ${(bytes.length / 1024).toFixed(0)} KiB`);
}
await browser.close();
