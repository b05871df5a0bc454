// A small static server for the release bundle, as a CDN with SPA fallback
// would serve it: files as they are; a path with no file gets index.html (deep
// links), unless it names an asset type: a missing asset or JSON is a real 404.
import { createServer } from "node:http";
import { createSecureServer } from "node:http2";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm", ".svg": "image/svg+xml", ".png": "image/png",
  ".jpg": "image/jpeg", ".ico": "image/x-icon", ".xml": "application/xml; charset=utf-8",
  ".webp": "image/webp", ".txt": "text/plain; charset=utf-8",
};

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The file a URL path names, as static hosts find it for extension-less URLs
 * (nginx `try_files $uri $uri.html $uri/index.html`, GitHub Pages, Netlify):
 * the file itself, else `path.html`, else `path/index.html`. Prerendered pages
 * (scripts/prerender) are found this way.
 */
async function fileAt(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const path = normalize(join(root, decoded));
  if (!path.startsWith(normalize(root))) return null;
  for (const candidate of [path, `${path}.html`, join(path, "index.html")]) {
    if (await isFile(candidate)) return candidate;
  }
  return null;
}

/** A CDN's caching: Trunk's hashed names never change; data may, HTML must be checked. */
function cacheControl(path) {
  if (/-[0-9a-f]{12,16}(_bg)?\.(js|css|wasm)$/.test(path)) return "public, max-age=31536000, immutable";
  if (extname(path) === ".html") return "no-cache";
  return "public, max-age=60";
}

/**
 * Serves `root` on 127.0.0.1 at a free port; resolves to { url, close }. With
 * `prefix` (such as "/portal/news/"), the files live under that path, as when a
 * portal hosts the app in a sub-folder. `headers` go on every answer (a CSP, or
 * CORS for a data origin); `fallback` is the page deep links get, with
 * `fallbackStatus` (404 for hosts that serve 404.html, such as GitHub Pages);
 * with `fallbackEverything`, missing assets and JSON get it too (an SPA rewrite
 * of every path, as Netlify's `/* /index.html 200`). `faults` maps paths
 * below the prefix to a status they answer instead (a test can change it while
 * the server runs: a failing server for browsers whose requests a test cannot
 * intercept).
 * With `cdn` (the benchmark), answers as a CDN would: a file's `.br` twin,
 * precompressed, to browsers that accept brotli; a year's caching for hashed
 * asset names, a minute for the data, revalidation for HTML. With `tls`
 * ({ key, cert }, PEM), over HTTP/2 and TLS.
 */
export async function serve(root, { port = 0, prefix = "/", headers = {}, fallback = "index.html", fallbackStatus = 200, fallbackEverything = false, faults = new Map(), cdn = false, tls = null } = {}) {
  const handle = async (req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const fullPath = new URL(req.url, "http://x").pathname;
    if (!fullPath.startsWith(prefix)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("outside the app");
      return;
    }
    const urlPath = "/" + fullPath.slice(prefix.length);
    if (faults.has(urlPath)) {
      res.writeHead(faults.get(urlPath), { "content-type": "text/plain" }).end("a fault the test asked for");
      return;
    }
    let path = await fileAt(root, urlPath);
    // Navigations (anything that is not an asset type) fall back to the app.
    let status = 200;
    if (!path && (fallbackEverything || !(extname(urlPath) in TYPES))) { path = join(root, fallback); status = fallbackStatus; }
    if (!path) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const head = { "content-type": TYPES[extname(path)] ?? "application/octet-stream" };
    if (cdn) {
      head["cache-control"] = cacheControl(path);
      head["vary"] = "accept-encoding";
      if (/\bbr\b/.test(req.headers["accept-encoding"] ?? "") && await isFile(path + ".br")) {
        path += ".br";
        head["content-encoding"] = "br";
      }
    }
    const body = await readFile(path);
    res.writeHead(status, head).end(body);
  };
  // HTTP/1.1 stays allowed for clients that do not offer h2.
  const server = tls ? createSecureServer({ ...tls, allowHTTP1: true }, handle) : createServer(handle);
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address();
  return { url: `${tls ? "https" : "http"}://127.0.0.1:${bound}`, close: () => new Promise((r) => server.close(r)) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? "dist";
  const { url } = await serve(root, { port: Number(process.argv[3] ?? 8080) });
  console.log(`serving ${root} at ${url}`);
}
