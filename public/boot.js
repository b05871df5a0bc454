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
// The app's defaults (src/browser/config.rs, whose host test checks these two lines).
const MOUNT_ID = "app";
const DEFAULT_API = "api/";

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
  for (const name of ["rel", "as", "type", "integrity", "crossorigin", "media"]) {
    if (link.hasAttribute(name)) copy.setAttribute(name, link.getAttribute(name));
  }
  copy.href = new URL(link.getAttribute("href"), here).href;
  document.head.append(copy);
}

/**
 * Says on the page, in the three languages, that the app could not start. A
 * prerendered page (scripts/prerender) stays as it is: it is complete, and its
 * links work without the app.
 */
function failed() {
  const root = document.getElementById(MOUNT_ID);
  if (!root || root.hasAttribute("data-np-prerendered")) return;
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

// The route table's rules for reading a URL (src/core/routes.rs), as far as
// the preloads need them. tests/routes.json holds both sides to the same
// answers (the host test and tests/boot.test.mjs), so they cannot drift.
const LEGAL_PAGES = ["terms", "privacy", "accessibility"]; // routes::Legal::ALL
const isLang = (code) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(code); // slug::is_valid_lang
const utf8 = (text) => new TextEncoder().encode(text);
/** slug::is_valid_slug */
const isSlug = (slug) => slug !== "" && utf8(slug).length <= 200 && slug !== "." && !slug.includes("..")
  && !/[/\\?#%\p{Cc}\p{White_Space}]/u.test(slug);
/** slug::encode_segment: every byte but the unreserved ones as %XX. */
const encodeSegment = (segment) => Array.from(utf8(segment), (byte) =>
  /[A-Za-z0-9._~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte)
    : "%" + byte.toString(16).toUpperCase().padStart(2, "0")).join("");
/** pagination::page_number: 0 for "no such page". */
function pageNumber(value) {
  if (value === null) return 1;
  if (!/^[0-9]+$/.test(value)) return 0;
  const page = Number(value);
  return page <= 0xffffffff ? page : 0;
}

/**
 * routes::first_view_documents: the JSON documents (paths below API) the
 * first view of a location needs. `pathname` is percent-encoded, as
 * `location.pathname` is; `basePath` is the app's base path.
 */
export function firstViewDocuments(pathname, search, basePath) {
  const trimmed = basePath.trim().replace(/^\/+|\/+$/g, "");
  const base = trimmed === "" ? "/" : `/${trimmed}/`;
  const documents = ["site.json"];
  let below;
  if (pathname.startsWith(base)) below = pathname.slice(base.length);
  else if (pathname === base.slice(0, -1)) below = "";
  else return documents;
  // A prerendered page's own file (en/terms.html, en/index.html): its route.
  below = below.replace(/(^|\/)index\.html$/, "").replace(/\.html$/, "");
  const decode = (segment) => { try { return decodeURIComponent(segment); } catch { return null; } };
  const [first, ...encoded] = below.split("/");
  const lang = decode(first);
  if (lang === null || !isLang(lang)) return documents;
  documents.push(`${lang}/site.json`);
  const rest = encoded.map(decode);
  if (rest.includes(null)) return documents; // a malformed escape names no view
  if (rest.length > 0 && rest[rest.length - 1] === "") rest.pop(); // an optional final slash
  let view = null;
  if (rest.length === 0) {
    const page = pageNumber(new URLSearchParams(search).get("page"));
    if (page > 0) view = `news/page-${page}.json`;
  } else if (rest.length === 2 && rest[0] === "page") {
    const page = pageNumber(rest[1]);
    if (page > 0) view = `news/page-${page}.json`;
  } else if (rest[0] === "tags" && isSlug(rest[1] ?? "") && (rest.length === 2 || (rest.length === 4 && rest[2] === "page"))) {
    const page = pageNumber(rest[3] ?? null);
    if (page > 0) view = `tags/${encodeSegment(rest[1])}/page-${page}.json`;
  } else if (rest.length === 2 && rest[0] === "news" && isSlug(rest[1])) {
    view = `news/${encodeSegment(rest[1])}.json`;
  } else if (rest.length === 1 && LEGAL_PAGES.includes(rest[0])) {
    view = `pages/${rest[0]}.json`;
  }
  if (view) documents.push(`${lang}/${view}`);
  return documents;
}

/**
 * Resolves in a task of its own. Starting a download costs the main thread a
 * few milliseconds (Chromium checks and issues the request at once); started
 * one per task, the app's five downloads leave the page free to answer the
 * reader in between instead of one long task.
 */
const nextTask = () => globalThis.scheduler?.yield?.() ?? new Promise((next) => setTimeout(next, 0));

/**
 * Starts the downloads of the JSON documents this URL's first view needs, so
 * that they arrive while the wasm downloads: `<link rel="preload">`, which the
 * app's own requests then take over. Read from the same settings as the app
 * (data-base, data-api). `priority` is their fetchPriority.
 */
async function preloadData(priority) {
  const root = document.getElementById(MOUNT_ID);
  if (!root) return;
  const base = new URL(root.dataset.base ?? document.baseURI, document.baseURI);
  const api = new URL(root.dataset.api ?? DEFAULT_API, base);
  for (const path of firstViewDocuments(location.pathname, location.search, base.pathname)) {
    const link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.fetchPriority = priority;
    link.href = new URL(path, api).href;
    document.head.append(link);
    await nextTask();
  }
}

/**
 * Resolves once the browser has shown the page's first paint. The paint entry
 * comes after the frame is on screen, unlike an animation frame's callback,
 * which runs before it. A browser without paint timing, or a page that does
 * not paint (a tab opened in the background), goes on after `patience` ms.
 */
const firstPaintShown = (patience) => new Promise((resolve) => {
  setTimeout(resolve, patience);
  if (!globalThis.PerformanceObserver?.supportedEntryTypes?.includes("paint")) return;
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName("first-contentful-paint").length === 0) return;
    observer.disconnect();
    resolve();
  });
  observer.observe({ type: "paint", buffered: true });
});

/**
 * Resolves once the page has loaded (its stylesheet and the photos it loads
 * eagerly, the first screen's), its first paint is on screen, those photos
 * are decoded (they carry `decoding="async"`, so `load` can come before they
 * are ready to paint) and one more frame has been drawn. By then the first
 * screen, its largest paint included (usually the first photo), has been
 * shown: the app's downloads and start-up must not compete with it.
 */
async function loadedAndPainted() {
  if (document.readyState !== "complete") await new Promise((loaded) => addEventListener("load", loaded, { once: true }));
  await firstPaintShown(3000);
  const eager = Array.from(document.images).filter((image) => image.loading !== "lazy");
  // decode() rejects for a photo that failed to load: it paints nothing to wait for.
  await Promise.allSettled(eager.map((image) => image.decode()));
  await new Promise((drawn) => requestAnimationFrame(drawn));
  await nextTask();
}

/**
 * Lets the preloads a prerendered page holds back (scripts/prerender puts
 * each in a `<template data-np-held>`, whose content the browser leaves
 * inert) start now: the JS glue's modulepreload, with its integrity hash, and
 * the wasm's.
 */
async function releaseHeldPreloads() {
  for (const held of document.querySelectorAll("template[data-np-held]")) {
    held.replaceWith(document.importNode(held.content, true));
    await nextTask();
  }
}

async function start() {
  // A prerendered page (scripts/prerender) is complete already: it loads and
  // paints first; the app's code, data and start-up come after, so that none of
  // it competes with the page's text and first photos.
  const prerendered = document.getElementById(MOUNT_ID)?.hasAttribute("data-np-prerendered") ?? false;
  if (prerendered) {
    await loadedAndPainted();
    await releaseHeldPreloads();
  }
  try {
    await preloadData(prerendered ? "low" : "auto");
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
  // Offline reading (public/sw.js, scope BASE), once the app has started, and
  // only where the app is the page: inside a portal page the scope is the portal's.
  if (!embedded) navigator.serviceWorker?.register(`${here}sw.js`).catch((error) => console.warn("news portal: offline", error));
}

// The article's "copy link", "print" and share-sheet controls
// (components::article_end): their code (public/share.js) is loaded on the
// first click on one; without JavaScript they are links to the page itself.
if (typeof document !== "undefined") {
  // Shows the share sheet's button where the browser has one (style/main.css).
  if (navigator.share) document.getElementById(MOUNT_ID)?.setAttribute("data-np-sheet", "");
  document.addEventListener("click", (event) => {
    const control = event.target.closest?.("[data-np-copy],[data-np-print],[data-np-share]");
    if (!control || event.button) return;
    event.preventDefault();
    import(`${here}share.js`).then((share) => share.act(control));
  }, true);
}

// A failed download, a wasm that does not match its integrity hash or a browser
// without WebAssembly: a message instead of "Loading…" for ever; the console
// keeps the cause. (Outside a page, as in its unit test, nothing starts.)
if (typeof document !== "undefined") {
  start().catch((error) => {
    failed();
    throw error;
  });
}
