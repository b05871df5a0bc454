// A stand-in for a press service's camera photo, for the benchmark: 3000 × 2000
// px, JPEG quality 92, about 2–3 MB, with the statistics of a real photograph
// at every scale, so that its smaller variants weigh what a real photo's do.
// A "dead leaves" scene (overlapping shaded discs whose sizes follow a power
// law, the standard model of natural images' scale invariance) below a sky,
// softened as a lens does, with a sensor's grain. Drawn on a canvas in Chromium; deterministic (seeded).
//   node bench/camera-photo.mjs OUT.jpg [SEED]
import { chromium } from "playwright-core";
import { writeFile } from "node:fs/promises";
import { CHROMIUM_ARGS } from "../scripts/lib/chromium.mjs";

export const [PHOTO_WIDTH, PHOTO_HEIGHT] = [3000, 2000];

/** The JPEG's bytes, drawn in `browser` (a playwright-core Browser). */
export async function cameraPhoto(browser, seed = 1) {
  const page = await browser.newPage();
  const base64 = await page.evaluate(async ({ width, height, seed }) => {
    let state = seed >>> 0 || 1;
    const random = () => {
      // xorshift32: the same picture for the same seed.
      state ^= state << 13; state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5; state >>>= 0;
      return state / 4294967296;
    };
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext("2d");
    // A sky above, the scene below it, as in most press photos.
    const sky = context.createLinearGradient(0, 0, 0, height * 0.4);
    sky.addColorStop(0, "#6f93b8");
    sky.addColorStop(1, "#c9d6e0");
    context.fillStyle = sky;
    context.fillRect(0, 0, width, height);
    // Radii from 4 to 900 px with density ∝ r^-3: few large shapes, many small.
    const [rMin, rMax] = [4, 900];
    for (let i = 0; i < 60000; i++) {
      const u = random();
      const r = 1 / Math.sqrt(1 / (rMin * rMin) - u * (1 / (rMin * rMin) - 1 / (rMax * rMax)));
      const x = random() * width, y = height * (0.3 + 0.7 * random());
      const hue = 20 + random() * 200, sat = 15 + random() * 45, light = 25 + random() * 50;
      const gradient = context.createRadialGradient(x - r / 3, y - r / 3, r / 10, x, y, r);
      gradient.addColorStop(0, `hsl(${hue} ${sat}% ${Math.min(light + 12, 95)}%)`);
      gradient.addColorStop(1, `hsl(${hue} ${sat}% ${light}%)`);
      context.fillStyle = gradient;
      context.beginPath();
      context.ellipse(x, y, r, r * (0.5 + random()), random() * Math.PI, 0, 2 * Math.PI);
      context.fill();
    }
    // The lens: nothing is sharper than a pixel or two.
    const lens = new OffscreenCanvas(width, height);
    const lensContext = lens.getContext("2d");
    lensContext.filter = "blur(1.2px)";
    lensContext.drawImage(canvas, 0, 0);
    context.drawImage(lens, 0, 0);
    // Sensor grain.
    const image = context.getImageData(0, 0, width, height);
    for (let p = 0; p < image.data.length; p += 4) {
      const grain = (random() - 0.5) * 16;
      image.data[p] += grain; image.data[p + 1] += grain; image.data[p + 2] += grain;
    }
    context.putImageData(image, 0, 0);
    const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.92 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = "";
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  }, { width: PHOTO_WIDTH, height: PHOTO_HEIGHT, seed });
  await page.close();
  return Buffer.from(base64, "base64");
}

/**
 * `count` different files with the pixels of `jpeg`: a JPEG comment after the
 * start marker makes each one's bytes (and so its hash) its own, while the
 * decoding and encoding work stays that of the photo.
 */
export function distinctCopies(jpeg, count) {
  return Array.from({ length: count }, (_, n) => {
    const text = Buffer.from(`benchmark photo ${n}`);
    const comment = Buffer.alloc(4);
    comment.writeUInt16BE(0xfffe, 0);
    comment.writeUInt16BE(text.length + 2, 2);
    return Buffer.concat([jpeg.subarray(0, 2), comment, text, jpeg.subarray(2)]);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, seed = "1"] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  await writeFile(out, await cameraPhoto(browser, Number(seed)));
  await browser.close();
}
