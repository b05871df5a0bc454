// Starts the news portal. An external module (not Trunk's inline loader), so a
// Content-Security-Policy without 'unsafe-inline' allows it.
//
// In dist/index.html, Trunk writes the hashed file names onto this script's
// tag (Trunk.toml, `pattern_script`) and the integrity hashes onto the CSS and
// module preload links; scripts/post-build.mjs adds the wasm's hash to the tag.
// Embedded in a portal page, where that tag is the portal's own, the loader
// reads the same tags from the index.html beside it and adds the stylesheet and
// module preload to the portal page. Either way the JS and the wasm are checked
// against their Subresource Integrity hashes.
const here = new URL(".", import.meta.url);
const TAG = "script[data-np-wasm]";

/** The document that names the assets: this page, or index.html beside this file. */
async function manifest() {
  if (document.querySelector(TAG)) return { doc: document, embedded: false };
  const response = await fetch(new URL("index.html", here), { cache: "no-cache" });
  if (!response.ok) throw new Error(`news portal: index.html answered HTTP ${response.status}`);
  const doc = new DOMParser().parseFromString(await response.text(), "text/html");
  return { doc, embedded: true };
}

/** Copies a link (stylesheet, module preload) from index.html into this page. */
function adopt(link) {
  const copy = document.createElement("link");
  for (const name of ["rel", "as", "type", "integrity", "crossorigin"]) {
    if (link.hasAttribute(name)) copy.setAttribute(name, link.getAttribute(name));
  }
  copy.href = new URL(link.getAttribute("href"), here).href;
  document.head.append(copy);
}

/** Says on the page, in the three languages, that the app could not start. */
function failed() {
  const root = document.getElementById("app");
  if (!root) return;
  const message = document.createElement("p");
  message.className = "boot";
  message.setAttribute("role", "alert");
  const parts = [
    ["az", "Xəbərləri açmaq mümkün olmadı. Səhifəni yeniləyin."],
    ["en", "The news could not be started. Please reload the page."],
    ["ru", "Не удалось открыть новости. Обновите страницу."],
  ];
  for (const [lang, text] of parts) {
    const span = document.createElement("span");
    span.lang = lang;
    span.textContent = text;
    message.append(span, " ");
  }
  root.replaceChildren(message);
}

/**
 * Starts the downloads of the JSON documents this URL's first view needs, so
 * that they arrive while the wasm downloads: `<link rel="preload">`, which the
 * app's own requests then take over. A hint only, read from the same settings
 * as the app (data-base, data-api) and the contract's route table
 * (docs/news-api.md): the app decides what it shows, and a wrong guess costs
 * one download. Slugs that would need percent-encoding are left to the app.
 */
function preloadData() {
  const root = document.getElementById("app");
  if (!root) return;
  const base = new URL(root.dataset.base ?? document.baseURI, document.baseURI);
  const api = new URL(root.dataset.api ?? "api/", base);
  if (!location.pathname.startsWith(base.pathname)) return;
  const [lang, section, slug, extra] = location.pathname.slice(base.pathname.length).replace(/\/$/, "").split("/");
  const paths = ["site.json"];
  const plain = (s) => /^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,199}$/.test(s) && !s.includes("..");
  if (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(lang ?? "") && extra === undefined) {
    const page = new URLSearchParams(location.search).get("page") ?? "1";
    let view = null;
    if (section === undefined) view = /^[1-9][0-9]{0,5}$/.test(page) ? `news/page-${page}.json` : null;
    else if (section === "news" && plain(slug ?? "")) view = `news/${slug}.json`;
    else if ((section === "terms" || section === "privacy") && slug === undefined) view = `pages/${section}.json`;
    if (view) paths.push(`${lang}/site.json`, `${lang}/${view}`);
  }
  for (const path of paths) {
    const link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = new URL(path, api).href;
    document.head.append(link);
  }
}

async function start() {
  try {
    preloadData();
  } catch (error) {
    console.warn("news portal: no preload", error); // a hint only; the app fetches anyway
  }
  const { doc, embedded } = await manifest();
  const tag = doc.querySelector(TAG);
  if (!tag) throw new Error("news portal: index.html has no loader tag (Trunk.toml pattern_script)");
  const js = new URL(tag.dataset.npJs, here).href;
  const wasm = new URL(tag.dataset.npWasm, here).href;
  if (embedded) {
    for (const link of doc.querySelectorAll('link[rel="stylesheet"], link[rel="modulepreload"]')) adopt(link);
  }
  const { default: init } = await import(js);
  await init({ module_or_path: new Request(wasm, { integrity: tag.dataset.npWasmIntegrity ?? "" }) });
}

// A failed download, a wasm that does not match its integrity hash or a browser
// without WebAssembly: a message instead of "Loading…" for ever; the console
// keeps the cause.
start().catch((error) => {
  failed();
  throw error;
});
