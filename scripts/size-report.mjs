// The release bundle's sizes: raw, gzip and brotli (max quality, as a CDN
// precompresses), per file type, and the first-view transfer (HTML + CSS + JS
// + wasm, before any JSON).
//   node scripts/size-report.mjs [dist]                  prints the table
//   node scripts/size-report.mjs dist --budget 110000    also fails (exit 1) when
//                                                        the first view's brotli
//                                                        bytes exceed the budget
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const KINDS = { ".wasm": "wasm", ".js": "JS", ".css": "CSS", ".html": "HTML" };
const ZERO = () => ({ raw: 0, gzip: 0, brotli: 0 });
// Loaded only when needed: the search view's module and styles, the share
// and print module (on the first such click), the print stylesheet, the offline worker (installed
// after the app has started, never part of a page).
const ON_DEMAND = ["search.js", "search.css", "share.js", "sw.js", "print.css"];

function add(total, body) {
  total.raw += body.length;
  total.gzip += gzipSync(body, { level: 9 }).length;
  total.brotli += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

/**
 * Bytes per kind (wasm, JS, CSS, HTML) and for the first view, in bytes: the
 * bundle's own files and the JS snippets its glue imports (snippets/), not
 * what is loaded on demand, which is counted apart ("on demand").
 */
export function bundleSizes(dist) {
  const totals = { wasm: ZERO(), JS: ZERO(), CSS: ZERO(), HTML: ZERO() };
  const search = ZERO();
  const snippets = join(dist, "snippets");
  const files = [
    ...readdirSync(dist).map((name) => [name, join(dist, name)]),
    ...(statSync(snippets, { throwIfNoEntry: false })?.isDirectory()
      ? readdirSync(snippets, { recursive: true }).map((name) => [String(name), join(snippets, String(name))])
      : []),
  ];
  for (const [name, path] of files) {
    const kind = KINDS[extname(name)];
    // 404.html is a copy of index.html for some hosts, never loaded beside it.
    if (!kind || name === "404.html" || !statSync(path).isFile()) continue;
    add(ON_DEMAND.includes(name) ? search : totals[kind], readFileSync(path));
  }
  const firstView = ZERO();
  for (const t of Object.values(totals)) for (const key of Object.keys(firstView)) firstView[key] += t[key];
  return { ...totals, "first view": firstView, "on demand": search };
}

/** The sizes as a table in KiB. */
export function sizeTable(sizes) {
  const kb = (n) => (n / 1024).toFixed(1).padStart(9);
  const lines = ["bundle       raw KiB  gzip KiB  brotli KiB"];
  for (const [kind, t] of Object.entries(sizes)) {
    lines.push(`${kind.padEnd(10)}${kb(t.raw)} ${kb(t.gzip)} ${kb(t.brotli)}`);
  }
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--budget");
  const budget = at >= 0 ? Number(args.splice(at, 2)[1]) : null;
  const sizes = bundleSizes(args[0] ?? "dist");
  console.log(sizeTable(sizes));
  if (budget !== null) {
    const used = sizes["first view"].brotli;
    const verdict = used <= budget ? "within" : "OVER";
    console.log(`first view: ${used} bytes brotli, budget ${budget} bytes: ${verdict} (${(budget - used).toString()} left)`);
    if (used > budget) process.exit(1);
  }
}
