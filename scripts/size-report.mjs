// Prints the release bundle's sizes: raw, gzip and brotli (max quality, as a
// CDN precompresses), per file type, and the first-view transfer (HTML + CSS +
// JS + wasm, before any JSON).  Usage: node scripts/size-report.mjs [dist]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const kinds = { ".wasm": "wasm", ".js": "JS", ".css": "CSS", ".html": "HTML" };
const totals = {};
for (const name of readdirSync(dist)) {
  const path = join(dist, name);
  const kind = kinds[extname(name)];
  // 404.html is a copy of index.html for some hosts, never loaded beside it.
  if (!kind || name === "404.html" || !statSync(path).isFile()) continue;
  const body = readFileSync(path);
  const sizes = {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  const total = (totals[kind] ??= { raw: 0, gzip: 0, brotli: 0 });
  for (const key of Object.keys(sizes)) total[key] += sizes[key];
}
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log("bundle     raw KiB  gzip KiB  brotli KiB");
const first = { raw: 0, gzip: 0, brotli: 0 };
for (const kind of ["wasm", "JS", "CSS", "HTML"]) {
  const t = totals[kind] ?? { raw: 0, gzip: 0, brotli: 0 };
  for (const key of Object.keys(first)) first[key] += t[key];
  console.log(`${kind.padEnd(8)}${kb(t.raw)}  ${kb(t.gzip)}  ${kb(t.brotli)}`);
}
console.log(`${"first view".padEnd(8)}${kb(first.raw).slice(2)}  ${kb(first.gzip)}  ${kb(first.brotli)}`);
