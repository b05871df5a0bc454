// Trunk post_build hook (Trunk.toml): finishes dist/ for static hosting.
// - In release builds, removes the wasm's exports the app never uses and
//   runs wasm-opt (below), gives its imports and exports short names, in
//   the wasm and the glue alike (scripts/wasm-names.mjs: wasm-bindgen's
//   hashed names cost ~5 KB brotli), then minifies the wasm-bindgen JS
//   glue, the loader (public/boot.js) and the search view's module
//   (public/search.js) with terser: Trunk's own minifier fails on the glue
//   ("RequiredTokenNotFound") and leaves it as is. The glue's integrity hash
//   on its modulepreload link is recomputed for the minified file.
// - Gives the loader tag (public/boot.js) a Subresource Integrity hash; Trunk
//   hashes the files it builds, but boot.js is copied as is.
// - Moves the wasm's hash from its preload link (where Chromium ignores it and
//   warns in the console) onto the loader tag, where boot.js uses it to fetch
//   the wasm with integrity checked.
// - Quotes the two settings a web team edits at deploy time, `<base href="/">`
//   and `data-api="api/"`, which the release minifier writes unquoted: the
//   README shows them as they are in the file.
// - Writes 404.html, a copy of index.html, for hosts that answer unknown paths
//   with it (GitHub Pages, S3 error documents), so deep links work there too.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { minify } from "terser";
import { shortenNames, unexported, withoutExports, withoutUnimported } from "./wasm-names.mjs";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("post-build: run by trunk, which sets TRUNK_STAGING_DIR");
const release = process.env.TRUNK_PROFILE === "release";

const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

// wasm-streams' stream adapters: leptos always links them (server_fn's
// "browser" feature) and wasm-bindgen exports them to JS, but this app has no
// server functions and never makes a stream. Without the exports wasm-opt
// drops their code (-1.2 KB brotli); with the glue's classes that would call
// them no longer exported, the minifier drops those (-0.3 KB), and the same
// for the glue's `initSync`, which boot.js never calls (it calls `default`).
const UNUSED_EXPORTS = /^(__wbg_)?intounderlying(bytesource|sink|source)_/;
const UNUSED_GLUE = {
  classes: ["IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource"],
  functions: ["initSync"],
};

/**
 * `wasm-opt -Oz` in place: Trunk's own run is off (index.html,
 * `data-wasm-opt="0"`) so that it runs once, after the unused exports are
 * gone. The version Trunk.toml pins, as Trunk would check it.
 */
function optimize(path) {
  const pinned = readFileSync(new URL("../Trunk.toml", import.meta.url), "utf8").match(/^wasm_opt\s*=\s*"version_(\d+)"/m)?.[1];
  // scripts/setup installs it with the npm tools (binaryen); Trunk found it on PATH.
  const local = fileURLToPath(new URL("../node_modules/.bin/wasm-opt", import.meta.url));
  const wasmOpt = existsSync(local) ? local : "wasm-opt";
  const version = execFileSync(wasmOpt, ["--version"], { encoding: "utf8" });
  if (!pinned || !version.includes(`version ${pinned}`)) {
    throw new Error(`post-build: Trunk.toml pins wasm-opt version ${pinned}, found: ${version.trim()} (scripts/setup)`);
  }
  // Without the custom sections that only tools read (which compiler made it,
  // which wasm features it uses): browsers ignore them, -0.2 KB brotli.
  execFileSync(wasmOpt, ["-Oz", "--strip-producers", "--strip-target-features", path, "-o", path], { stdio: "inherit" });
}

/** Minifies dist/`name` in place (an ES module); returns its new integrity hash. */
async function minifyModule(name) {
  const path = join(dir, name);
  const source = await readFile(path, "utf8");
  const { code } = await minify(source, { module: true, compress: { passes: 2 }, mangle: true });
  await writeFile(path, code);
  return sri(code);
}

let html = await readFile(join(dir, "index.html"), "utf8");
const tag = /<script\b[^>]*\bdata-np-wasm\b[^>]*>/;
const script = html.match(tag)?.[0];
if (!script) throw new Error("post-build: index.html has no loader tag (pattern_script)");
const wasm = script.match(/\bdata-np-wasm=["']?(?:[^"' >]*\/)?([^"' >/]+\.wasm)/)?.[1];
if (!wasm) throw new Error("post-build: the loader tag names no wasm (data-np-wasm)");

if (release) {
  const glue = script.match(/\bdata-np-js=["']?(?:[^"' >]*\/)?([^"' >/]+\.js)/)?.[1];
  if (!glue) throw new Error("post-build: the loader tag names no JS glue (data-np-js)");
  const unused = withoutExports(await readFile(join(dir, wasm)), UNUSED_EXPORTS);
  await writeFile(join(dir, wasm), unused.wasm);
  optimize(join(dir, wasm));
  const optimized = await readFile(join(dir, wasm));
  const offered = withoutUnimported(optimized, unexported(await readFile(join(dir, glue), "utf8"), UNUSED_GLUE));
  const renamed = shortenNames(optimized, offered.glue);
  await writeFile(join(dir, wasm), renamed.wasm);
  await writeFile(join(dir, glue), renamed.glue);
  console.log(`post-build: ${unused.removed.length} unused exports removed, ${wasm} optimized, ` +
    `glue: ${offered.removed.length} unused import(s) removed, ` +
    `${renamed.imports} imports and ${renamed.exports} exports renamed`);
  const hash = await minifyModule(glue);
  // What the minifier dropped leaves no trace: a class's name survives in its
  // wasm calls (`__wbg_intounderlyingsink_free`), a function's as its own.
  const left = new RegExp([...UNUSED_GLUE.classes, ...UNUSED_GLUE.functions].join("|"), "i");
  if (left.test(await readFile(join(dir, glue), "utf8"))) {
    throw new Error("post-build: the minified glue still holds what it no longer exports");
  }
  const preload = /<link\b[^>]*\bmodulepreload\b[^>]*>/;
  const link = html.match(preload)?.[0];
  if (!link?.includes(glue) || !/\bintegrity=/.test(link)) {
    throw new Error("post-build: no modulepreload link with integrity for the glue");
  }
  html = html.replace(preload, link.replace(/\bintegrity=["']?[^"' >]+["']?/, `integrity="${hash}"`));
  await minifyModule("boot.js");
  await minifyModule("search.js");
}

const boot = sri(await readFile(join(dir, "boot.js")));
const wasmPreload = /(<link\b[^>]*\bas=["']?fetch\b[^>]*?)\s+integrity=["']?([^"' >]+)["']?([^>]*>)/;
if (!wasmPreload.test(html)) throw new Error("post-build: no wasm preload link with integrity");
// Of the file as it is now (renamed above in release builds), not Trunk's.
const wasmHash = sri(await readFile(join(dir, wasm)));
const finished = html
  .replace(/<base href=([^"'\s>]+)>/, '<base href="$1">')
  .replace(/\bdata-api=([^"'\s>]+)/, 'data-api="$1"')
  .replace(wasmPreload, "$1$3")
  .replace(tag, (loader) => loader.replace(/>$/, ` data-np-wasm-integrity="${wasmHash}" integrity="${boot}">`));
await writeFile(join(dir, "index.html"), finished);
await writeFile(join(dir, "404.html"), finished);
