// Trunk post_build hook (Trunk.toml): finishes dist/ for static hosting.
// - Gives the loader tag (public/boot.js) a Subresource Integrity hash; Trunk
//   hashes the files it builds, but boot.js is copied as is.
// - Moves the wasm's hash from its preload link (where Chromium ignores it and
//   warns in the console) onto the loader tag, where boot.js uses it to fetch
//   the wasm with integrity checked.
// - Writes 404.html, a copy of index.html, for hosts that answer unknown paths
//   with it (GitHub Pages, S3 error documents), so deep links work there too.
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("post-build: run by trunk, which sets TRUNK_STAGING_DIR");

const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const boot = sri(await readFile(join(dir, "boot.js")));
const html = await readFile(join(dir, "index.html"), "utf8");
const tag = /<script\b[^>]*\bdata-np-wasm\b[^>]*>/;
if (!tag.test(html)) throw new Error("post-build: index.html has no loader tag (pattern_script)");
const preload = /(<link\b[^>]*\bas=["']?fetch\b[^>]*?)\s+integrity=["']?([^"' >]+)["']?([^>]*>)/;
const wasmHash = html.match(preload)?.[2];
if (!wasmHash) throw new Error("post-build: the wasm preload link has no integrity hash");
const finished = html
  .replace(preload, "$1$3")
  .replace(tag, (script) => script.replace(/>$/, ` data-np-wasm-integrity="${wasmHash}" integrity="${boot}">`));
await writeFile(join(dir, "index.html"), finished);
await writeFile(join(dir, "404.html"), finished);
