// Offline reading: the news portal's service worker (docs/architecture.md,
// "Offline reading"). public/boot.js registers it once the app has started,
// on the app's own page only (never inside a portal page, whose scope is the
// portal's); it sits beside boot.js, so its scope is BASE. Not in the first
// view: the browser fetches it after the app has started.
//
// What it keeps, and how it answers:
// - the shell (index.html, boot.js, the icon) and the app's hashed files (JS,
//   wasm, CSS, snippets), named by index.html. Hashed files are answered from
//   the cache first (a new build has new names); the rest, and every page,
//   from the network first, so a new deploy takes effect on the next visit
//   and the shell is revalidated; the cached copy only when the network fails;
// - every page, JSON document and photo the reader opened, from the network
//   first too (hashed photo variants from the cache first), bounded: the last
//   LIMITS.article articles (page, JSON and photos together), LIMITS.view
//   listing pages and other views, LIMITS.photo photos no saved document names;
// - a page never opened, offline: the site's own "You are offline" view in the
//   page's language, with links to the saved articles (offlineView).
// Nothing is kept that is not a complete 200 of this site (or of the API's
// origin), or that the host marks `Cache-Control: no-store`.
//
// Turning it off (docs/deploy.md): set ENABLED to false in dist/sw.js. Every
// reader's worker then deletes its caches and unregisters itself on the next
// visit.
const ENABLED = true;
// The caches' format. Changing it deletes the previous version's caches.
const VERSION = 1;
const LIMITS = { article: 50, view: 30, photo: 100 };

const SCOPE = new URL(self.registration.scope);
const PREFIX = `news-portal-offline:${SCOPE.pathname}:`;
const APP = `${PREFIX}${VERSION}:app`; // the shell and the app's files of the current build
const DATA = `${PREFIX}${VERSION}:data`; // pages, documents, photos, and the ledger
// What DATA holds and since when (a key no page requests), read and written
// by one operation at a time (withLedger).
const LEDGER = new URL("__news-portal-offline.json", SCOPE).href;
const SHELL = new URL("index.html", SCOPE).href;
// Content-hashed names: Trunk's (news-portal-<hash>_bg.wasm, snippets/news-portal-<hash>/inline0.js)
// and the photo variants' (img/v/<hash>-480.webp): what such a name holds never changes.
const HASHED = /-[0-9a-f]{12,}(?:\/[^/]+)?(?:_bg\.wasm|\.js|\.css)$/;
const HASHED_PHOTO = /\/[0-9a-f]{16,}-[^/]*$/;
const LEGAL = ["terms", "privacy", "accessibility"]; // routes::Legal::ALL

// The API's origin, from the shell's data-api (until the ledger is read: BASE's).
let apiOrigin = SCOPE.origin;

const STRINGS = {
  az: {
    title: "İnternet bağlantısı yoxdur",
    text: "Bu səhifə bu cihazda saxlanmayıb və internet bağlantısı olmadan açıla bilməz.",
    saved: "Bu cihazda saxlanmış xəbərlər",
    none: "Bu cihazda hələ saxlanmış xəbər yoxdur. Açdığınız xəbərlər oflayn oxumaq üçün saxlanılır.",
    news: "Xəbərlərə keç",
    retry: "Yenidən cəhd et",
  },
  en: {
    title: "You are offline",
    text: "This page has not been saved on this device, and it cannot be opened without an internet connection.",
    saved: "Articles saved on this device",
    none: "No articles have been saved on this device yet. The articles you open are saved for reading offline.",
    news: "Go to the news",
    retry: "Try again",
  },
  ru: {
    title: "Нет подключения к интернету",
    text: "Эта страница не сохранена на этом устройстве, и без подключения к интернету её нельзя открыть.",
    saved: "Новости, сохранённые на этом устройстве",
    none: "На этом устройстве пока нет сохранённых новостей. Открытые вами новости сохраняются для чтения без интернета.",
    news: "Перейти к новостям",
    retry: "Повторить",
  },
};
// The offline view is the worker's own page: it loads the app's stylesheet and the icon, nothing else.
const OFFLINE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

// ---------------------------------------------------------------- routes

const isLang = (code) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(code); // slug::is_valid_lang
const decode = (segment) => { try { return decodeURIComponent(segment); } catch { return null; } };

/** The decoded path segments of `url` below `root` (a URL ending in "/"), or null outside it. */
function segments(url, root) {
  if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return null;
  const parts = url.pathname.slice(root.pathname.length).split("/").map(decode);
  if (parts.includes(null)) return null;
  if (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

/** slug::encode_segment (as public/boot.js): every byte but the unreserved ones as %XX. */
const encodeSegment = (segment) => Array.from(new TextEncoder().encode(segment), (byte) =>
  /[A-Za-z0-9._~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte)
    : "%" + byte.toString(16).toUpperCase().padStart(2, "0")).join("");
const pageNumber = (text) => (/^[0-9]{1,9}$/.test(text) ? Number(text) : null);

/**
 * What a page's URL shows, as the ledger files it: `key` (one entry per view:
 * a page and the JSON document it is made from share it), `kind` ("article",
 * or "view" for listings, tag pages, legal pages and the rest), `lang` (or
 * null), `doc` (that document, below API, for the views this worker knows:
 * routes::first_view_documents in short) and for an article its `href`.
 */
function pageRoute(url) {
  const parts = segments(url, SCOPE);
  if (!parts) return null;
  const last = parts.length - 1;
  if (parts[last] === "index.html") parts.pop();
  else if (last >= 0) parts[last] = parts[last].replace(/\.html$/, "");
  const [lang, ...view] = parts;
  const other = { key: `page /${parts.join("/")}`, kind: "view", lang: lang && isLang(lang) ? lang : null, doc: null };
  if (!other.lang) return other;
  if (view.length === 0) return listing(lang, pageNumber(url.searchParams.get("page") ?? "1"));
  if (view.length === 2 && view[0] === "page") return listing(lang, pageNumber(view[1]));
  if (view.length === 2 && view[0] === "news") return article(lang, view[1]);
  if (view[0] === "tags" && (view.length === 2 || (view.length === 4 && view[2] === "page"))) {
    return tag(lang, view[1], pageNumber(view[3] ?? "1"));
  }
  if (view.length === 1 && LEGAL.includes(view[0])) return legal(lang, view[0]);
  return other;
}

/** What an API document is, filed as pageRoute files the page made from it. */
function documentRoute(url, api) {
  const parts = segments(url, api);
  if (!parts || parts.length === 0 || !parts[parts.length - 1].endsWith(".json")) return null;
  const name = parts[parts.length - 1].slice(0, -".json".length);
  const [lang, ...rest] = parts;
  const page = pageNumber(/^page-(.*)$/.exec(name)?.[1] ?? "");
  if (parts.length === 1 && name === "site") return { key: "site", kind: "site", lang: null };
  if (isLang(lang) && rest.length === 1 && name === "site") return { key: `site ${lang}`, kind: "site", lang };
  if (isLang(lang) && rest.length === 2 && rest[0] === "news") return page ? listing(lang, page) : article(lang, name);
  if (isLang(lang) && rest.length === 3 && rest[0] === "tags" && page) return tag(lang, rest[1], page);
  if (isLang(lang) && rest.length === 2 && rest[0] === "pages") return legal(lang, name);
  return { key: `document /${parts.join("/")}`, kind: "view", lang: isLang(lang) ? lang : null };
}

const listing = (lang, page) => (page
  ? { key: `${lang} page ${page}`, kind: "view", lang, doc: `${lang}/news/page-${page}.json` }
  : { key: `${lang} page ?`, kind: "view", lang, doc: null });
const tag = (lang, name, page) => (page
  ? { key: `${lang} tag ${name} ${page}`, kind: "view", lang, doc: `${lang}/tags/${encodeSegment(name)}/page-${page}.json` }
  : { key: `${lang} tag ?`, kind: "view", lang, doc: null });
const legal = (lang, name) => ({ key: `${lang} ${name}`, kind: "view", lang, doc: `${lang}/pages/${name}.json` });
const article = (lang, slug) => ({
  key: `${lang} news ${slug}`, kind: "article", lang, doc: `${lang}/news/${encodeSegment(slug)}.json`,
  href: new URL(`${lang}/news/${encodeSegment(slug)}`, SCOPE).href,
});

// ---------------------------------------------------------------- the ledger

/** The ledger: the build of the cached shell, the saved entries, the photos no entry names. */
const emptyLedger = () => ({ build: null, api: null, css: null, icon: null, checked: 0, entries: {}, loose: {} });

let memory = null; // the ledger, once read
let queue = Promise.resolve();
let saving = null;

/** The ledger as this worker knows it (read once from DATA). */
async function readLedger() {
  if (!memory) {
    const stored = await (await caches.open(DATA)).match(LEDGER);
    memory ??= stored ? { ...emptyLedger(), ...(await stored.json()) } : emptyLedger();
  }
  if (memory.api) apiOrigin = new URL(memory.api).origin;
  return memory;
}

/**
 * Runs `change(ledger, data)` after every earlier change and resolves to what
 * it returned once the ledger is stored again. Changes that come together
 * are stored together (the ledger names every kept photo: some hundred KB).
 */
function withLedger(change) {
  const run = queue.then(async () => change(await readLedger(), await caches.open(DATA)));
  queue = run.catch(() => {});
  return run.then(async (result) => {
    saving ??= queue.then(async () => {
      saving = null;
      const body = JSON.stringify(memory);
      await (await caches.open(DATA)).put(LEDGER, new Response(body, { headers: { "content-type": "application/json" } }));
    });
    await saving;
    return result;
  });
}
readLedger().catch(() => {});

/** Every photo a saved entry names. */
function ownedPhotos(ledger) {
  const owned = new Set();
  for (const entry of Object.values(ledger.entries)) for (const group of entry.photos ?? []) for (const url of group) owned.add(url);
  return owned;
}

/** Keeps the ledger within LIMITS: the oldest articles and views go with their page, JSON and photos. */
async function evict(ledger, data) {
  const gone = [];
  for (const kind of ["article", "view"]) {
    const entries = Object.entries(ledger.entries).filter(([, entry]) => entry.kind === kind)
      .sort(([, a], [, b]) => b.time - a.time);
    for (const [key, entry] of entries.slice(LIMITS[kind])) {
      delete ledger.entries[key];
      gone.push(entry);
    }
  }
  const owned = ownedPhotos(ledger);
  for (const entry of gone) {
    if (entry.page) await data.delete(entry.page);
    if (entry.json) await data.delete(entry.json);
    for (const group of entry.photos ?? []) for (const url of group) if (!owned.has(url)) await data.delete(url);
  }
  const loose = Object.entries(ledger.loose).sort(([, a], [, b]) => b - a);
  for (const [url] of loose.slice(LIMITS.photo)) {
    delete ledger.loose[url];
    if (!owned.has(url)) await data.delete(url);
  }
}

// ---------------------------------------------------------------- what is kept

/** Whether a response may be kept: a complete 200 of this site or the API's, not marked no-store. */
const storable = (response) => response.status === 200 && (response.type === "basic" || response.type === "cors")
  && !/no-store/i.test(response.headers.get("cache-control") ?? "");

const unescapeHtml = (text) => text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi, (_, dec, hex, name) =>
  dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16))
    : { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" }[name.toLowerCase()]);
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** The value of attribute `name` in the tag `tag` (quoted or not). */
const attribute = (tag, name) => {
  const match = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>"']+))`, "i").exec(tag);
  return match ? unescapeHtml(match[1] ?? match[2] ?? match[3]) : null;
};

/**
 * What an HTML page (the shell or a prerendered page) loads of the app: its
 * files (`files`: the stylesheet, the loader, the JS and wasm, the icon, under
 * BASE), `build` (their hashed names and the loader's integrity hash: two
 * pages of one build have the same), `css`, `icon`, `api` (data-api), `boot`
 * (the loader and its integrity hash), `title` and `lang`.
 */
function readPage(html, url) {
  const files = new Set();
  const hashed = new Set();
  let css = null, icon = null, boot = null;
  for (const [tag] of html.matchAll(/<(?:link|script)\b[^>]*>/gi)) {
    const rel = (attribute(tag, "rel") ?? "").toLowerCase();
    if (/\b(?:canonical|alternate)\b/.test(rel)) continue;
    for (const name of ["href", "src", "data-np-js", "data-np-wasm"]) {
      const value = attribute(tag, name);
      if (!value) continue;
      const file = new URL(value, SCOPE);
      if (file.origin !== SCOPE.origin || !file.pathname.startsWith(SCOPE.pathname)) continue;
      files.add(file.href);
      if (HASHED.test(file.pathname)) hashed.add(file.href);
      // The app's own stylesheet (print.css has media="print").
      if (rel === "stylesheet" && !attribute(tag, "media")) css ??= file.href;
      if (/\bicon\b/.test(rel)) icon = file.href;
      if (name === "src" && attribute(tag, "data-np-wasm")) boot = { url: file.href, integrity: attribute(tag, "integrity") };
    }
  }
  const app = /<div\b[^>]*\bid=["']?app\b[^>]*>/i.exec(html)?.[0];
  const title = /<meta\b[^>]*\bproperty=["']?og:title["'\s][^>]*>/i.exec(html)?.[0];
  const heading = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  return {
    files: [...files], css, icon, boot,
    build: boot ? [...hashed].sort().concat(boot.integrity ?? "").join(" ") : null,
    api: new URL((app && attribute(app, "data-api")) ?? "api/", SCOPE).href,
    title: (title && attribute(title, "content")) ?? (heading ? unescapeHtml(heading.replace(/<[^>]*>/g, "")).trim() : null),
    lang: attribute(/<html\b[^>]*>/i.exec(html)?.[0] ?? "", "lang"),
  };
}

/** The photos a document names, one group per photo (its `src` and its variants'). */
function photosOf(json, url) {
  const groups = [];
  const walk = (value) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== "object") return;
    if (typeof value.src === "string") {
      const variants = Array.isArray(value.sources) ? value.sources.map((source) => source?.src) : [];
      const group = [value.src, ...variants].filter((src) => typeof src === "string")
        .map((src) => { try { return new URL(src, url).href; } catch { return null; } }).filter(Boolean);
      if (group.length > 0) groups.push(group);
    }
    for (const [key, inner] of Object.entries(value)) if (key !== "sources") walk(inner);
  };
  walk(json);
  return groups;
}

/** The ledger's entry for `route`, made if new, marked as just used. */
function entryFor(ledger, route) {
  const entry = ledger.entries[route.key] ??= { kind: route.kind, lang: route.lang, href: route.href ?? null, page: null, json: null, photos: [] };
  entry.time = Date.now();
  return entry;
}

/** Keeps a page the reader opened (a navigation's answer); resolves to its build. */
async function keepPage(url, response) {
  const route = pageRoute(url);
  if (!route) return null;
  const html = await response.clone().text();
  const page = readPage(html, url);
  // The shell itself (an SPA fallback's answer) is kept once, as the shell.
  if (!/<div\b[^>]*\bdata-np-prerendered\b/i.test(html)) return page.build;
  await withLedger(async (ledger, data) => {
    await data.put(url.href, response);
    const entry = entryFor(ledger, route);
    if (entry.page && entry.page !== url.href) await data.delete(entry.page);
    Object.assign(entry, { page: url.href, build: page.build });
    if (route.kind === "article" && page.title && !entry.jsonTitle) entry.title = page.title;
    await evict(ledger, data);
  });
  return page.build;
}

/** Keeps an API document the app fetched, with the names of the photos it shows. */
async function keepDocument(url, response, api) {
  const route = documentRoute(url, api);
  if (!route) return;
  let json = null;
  try { json = await response.clone().json(); } catch { /* kept, without title or photos */ }
  await withLedger(async (ledger, data) => {
    await data.put(url.href, response);
    const entry = entryFor(ledger, route);
    entry.json = url.href;
    entry.photos = json ? photosOf(json, url) : [];
    const title = route.kind === "article" ? json?.title : route.kind === "site" ? json?.name : null;
    if (typeof title === "string" && title.trim()) Object.assign(entry, { title: title.trim(), jsonTitle: true });
    for (const group of entry.photos) for (const photo of group) delete ledger.loose[photo];
    await evict(ledger, data);
  });
}

/** Keeps a photo; one that no saved document names yet counts against LIMITS.photo. */
function keepPhoto(url, response) {
  return withLedger(async (ledger, data) => {
    await data.put(url.href, response);
    if (!ownedPhotos(ledger).has(url.href)) ledger.loose[url.href] = Date.now();
    await evict(ledger, data);
  });
}

/** A 404 or 410 for something kept: it was withdrawn, so it goes. */
function forget(url, route) {
  return withLedger(async (ledger, data) => {
    const entry = route && ledger.entries[route.key];
    if (!entry || (entry.page !== url.href && entry.json !== url.href)) return;
    await data.delete(url.href);
    if (entry.page === url.href) entry.page = null;
    if (entry.json === url.href) entry.json = null;
    if (!entry.page && !entry.json) delete ledger.entries[route.key];
  });
}

/**
 * Fetches index.html and, when its build changed (or `force`), the files it
 * names, and makes them the cached shell: the previous build's files and the
 * pages saved with it go (the JSON and photos stay: the new shell shows
 * them). The loader is fetched with the integrity hash the shell gives it, so
 * a shell and a loader of two builds are never kept together.
 */
async function refreshShell(force = false) {
  const response = await fetch(SHELL, { cache: "no-cache" });
  if (!storable(response)) return;
  const html = await response.text();
  const shell = readPage(html, new URL(SHELL));
  if (!shell.build) return;
  const ledger = await readLedger();
  const app = await caches.open(APP);
  if (!force && shell.build === ledger.build && await app.match(SHELL)) {
    await app.put(SHELL, new Response(html, response));
    await withLedger((stored) => { stored.checked = Date.now(); });
    return;
  }
  const files = new Map();
  for (const file of shell.files) {
    const init = file === shell.boot.url ? { cache: "no-cache", integrity: shell.boot.integrity ?? "" } : {};
    const answer = await fetch(file, init);
    if (!storable(answer)) throw new Error(`news portal offline: ${file} answered HTTP ${answer.status}`);
    files.set(file, answer);
  }
  for (const [file, answer] of files) await app.put(file, answer);
  await app.put(SHELL, new Response(html, response));
  const keep = new Set([SHELL, ...files.keys()]);
  for (const request of await app.keys()) if (!keep.has(request.url)) await app.delete(request);
  await withLedger(async (stored, data) => {
    Object.assign(stored, { build: shell.build, api: shell.api, css: shell.css, icon: shell.icon, checked: Date.now() });
    for (const [key, entry] of Object.entries(stored.entries)) {
      if (!entry.page || entry.build === shell.build) continue;
      await data.delete(entry.page);
      entry.page = null;
      if (!entry.json) delete stored.entries[key];
    }
  });
  apiOrigin = new URL(shell.api).origin;
}

/** After a navigation: the shell again when the page is of another build, or at most once a minute. */
async function revalidateShell(build) {
  const ledger = await readLedger();
  if (build && build !== ledger.build) await refreshShell(true);
  else if (Date.now() - ledger.checked > 60_000) await refreshShell();
}

/**
 * The pages open when the worker starts were loaded before it: their page,
 * documents and photos are taken from the browser's HTTP cache (never the
 * network), so that the first article a reader opened is kept too.
 */
async function adoptOpenPages() {
  const ledger = await readLedger();
  const api = new URL(ledger.api ?? new URL("api/", SCOPE).href);
  const cached = async (url) => {
    try {
      const response = await fetch(url, { cache: "only-if-cached", mode: "same-origin" });
      return storable(response) ? response : null;
    } catch {
      return null;
    }
  };
  for (const client of await self.clients.matchAll({ type: "window" })) {
    const url = new URL(client.url);
    url.hash = "";
    const route = pageRoute(url);
    if (!route) continue;
    const page = await cached(url.href);
    if (page) await keepPage(url, page);
    const documents = [new URL("site.json", api)];
    if (route.lang) documents.push(new URL(`${route.lang}/site.json`, api));
    if (route.doc) documents.push(new URL(route.doc, api));
    for (const document of documents) {
      const response = await cached(document.href);
      if (response) await keepDocument(document, response, api);
    }
    const known = await readLedger();
    for (const entry of Object.values(known.entries)) {
      if (!documents.some((document) => document.href === entry.json)) continue;
      for (const group of entry.photos) for (const photo of group) {
        const response = await cached(photo);
        if (response) await keepPhoto(new URL(photo), response);
      }
    }
  }
}

// ---------------------------------------------------------------- answers

/** Whether an entry can be shown without a network: its page of the current build, or its JSON in the cached shell. */
function readable(entry, ledger) {
  if (entry.page && (!ledger.build || entry.build === ledger.build)) return true;
  return Boolean(entry.json && ledger.build && ledger.entries.site?.json && ledger.entries[`site ${entry.lang}`]?.json);
}

/** A page, offline: as it was saved, else the shell that shows its saved JSON, else the offline view. */
async function offlinePage(url) {
  const ledger = await readLedger();
  const route = pageRoute(url);
  const entry = route && ledger.entries[route.key];
  if (entry && readable(entry, ledger)) {
    const saved = entry.page && (!ledger.build || entry.build === ledger.build)
      ? await (await caches.open(DATA)).match(entry.page)
      : await (await caches.open(APP)).match(SHELL);
    if (saved) return saved;
  }
  return offlineView(url, route?.lang, ledger);
}

/** The site's own "You are offline" view, in the page's language, listing the saved articles. */
function offlineView(url, pathLang, ledger) {
  const wanted = pathLang ?? self.navigator.language?.slice(0, 2) ?? "en";
  const lang = wanted in STRINGS ? wanted : "en";
  const text = STRINGS[lang];
  const site = ledger.entries[`site ${pathLang}`]?.title ?? ledger.entries[`site ${lang}`]?.title;
  const saved = Object.values(ledger.entries)
    .filter((entry) => entry.kind === "article" && entry.href && readable(entry, ledger))
    .sort((a, b) => (b.lang === pathLang) - (a.lang === pathLang) || b.time - a.time);
  const items = saved.map((entry) => {
    const other = entry.lang !== lang ? ` lang="${escapeHtml(entry.lang)}" hreflang="${escapeHtml(entry.lang)}"` : "";
    const title = entry.title ?? decode(new URL(entry.href).pathname.split("/").pop());
    return `<li><a href="${escapeHtml(entry.href)}"${other}>${escapeHtml(title)}</a></li>`;
  });
  const listingKey = `${pathLang} page 1`;
  const news = pathLang && ledger.entries[listingKey] && readable(ledger.entries[listingKey], ledger)
    ? `\n<p><a href="${escapeHtml(new URL(`${pathLang}/`, SCOPE).href)}">${escapeHtml(text.news)}</a></p>` : "";
  const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex">
<title>${escapeHtml(site ? `${text.title} – ${site}` : text.title)}</title>
${ledger.css ? `<link rel="stylesheet" href="${escapeHtml(ledger.css)}">` : ""}
${ledger.icon ? `<link rel="icon" href="${escapeHtml(ledger.icon)}" type="image/svg+xml">` : ""}
</head>
<body class="news-portal-page">
<div class="news-portal">
${site ? `<header class="site-header"><div class="container site-header__inner"><span class="brand"><span class="brand-name">${escapeHtml(site)}</span></span></div></header>` : ""}
<main id="main-content" class="container site-main">
<section class="notice-page">
<h1 class="page-heading">${escapeHtml(text.title)}</h1>
<p>${escapeHtml(text.text)}</p>
<p><a class="button-link" href="${escapeHtml(url.href)}">${escapeHtml(text.retry)}</a></p>
${items.length > 0 ? `<h2>${escapeHtml(text.saved)}</h2>\n<ul>\n${items.join("\n")}\n</ul>` : `<p>${escapeHtml(text.none)}</p>`}${news}
</section>
</main>
</div>
</body>
</html>
`;
  return new Response(html, {
    status: 503,
    statusText: "Offline",
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "content-security-policy": OFFLINE_CSP },
  });
}

/**
 * A navigation: the network first (kept if it may be); without a network, the
 * saved page or the offline view.
 */
async function navigate(event, url) {
  let response;
  try {
    response = await fetch(event.request);
  } catch {
    return offlinePage(url);
  }
  if (storable(response)) {
    const copy = response.clone();
    event.waitUntil(keepPage(url, copy).then(revalidateShell).catch((error) => console.warn("news portal offline:", error)));
  } else {
    // A server's error is the server's answer: the saved copy is for when there is no network.
    if (response.status === 404 || response.status === 410) event.waitUntil(forget(url, pageRoute(url)));
    event.waitUntil(revalidateShell(null).catch(() => {}));
  }
  return response;
}

/** The cached copy of `url` (in either cache), or null. */
async function saved(url) {
  return (await (await caches.open(APP)).match(url, { ignoreVary: true }))
    ?? (await (await caches.open(DATA)).match(url, { ignoreVary: true })) ?? null;
}

/**
 * An offline request for a photo variant that was not kept (the browser picks
 * a variant by the window's width, which may have changed): another variant
 * of the same photo that was.
 */
async function savedVariant(url) {
  const ledger = await readLedger();
  const data = await caches.open(DATA);
  for (const entry of Object.values(ledger.entries)) {
    for (const group of entry.photos ?? []) {
      if (!group.includes(url.href)) continue;
      for (const other of group) {
        const response = await data.match(other, { ignoreVary: true });
        if (response) return response;
      }
    }
  }
  return null;
}

/**
 * Anything else the app loads from its site or API: `keep` keeps a good
 * answer; hashed names (and `cacheFirst`) are answered from the cache first.
 */
async function resource(event, url, keep, cacheFirst) {
  if (cacheFirst) {
    const hit = await saved(url.href);
    if (hit) return hit;
  }
  let response;
  try {
    response = await fetch(event.request);
  } catch (error) {
    const hit = (await saved(url.href)) ?? (event.request.destination === "image" ? await savedVariant(url) : null);
    if (hit) return hit;
    throw error;
  }
  if (storable(response)) event.waitUntil(keep(response.clone()).catch((error) => console.warn("news portal offline:", error)));
  return response;
}

async function answer(event, url) {
  if (event.request.mode === "navigate") return navigate(event, url);
  const ledger = await readLedger().catch(() => emptyLedger());
  const api = new URL(ledger.api ?? new URL("api/", SCOPE).href);
  const underApi = segments(url, api) !== null;
  if (underApi && url.pathname.endsWith(".json")) {
    const route = documentRoute(url, api);
    return resource(event, url, (response) => keepDocument(url, response, api), false).then((response) => {
      if (response.status === 404 || response.status === 410) event.waitUntil(forget(url, route));
      return response;
    });
  }
  if (underApi && event.request.destination === "image") {
    return resource(event, url, (response) => keepPhoto(url, response), HASHED_PHOTO.test(url.pathname));
  }
  if (!underApi && segments(url, SCOPE)) {
    // The app's own files: hashed names from the cache first (a new build's are
    // kept as they come); the shell's others (the loader, the icon) from the
    // network first, kept fresh by refreshShell.
    const app = await caches.open(APP);
    if (HASHED.test(url.pathname)) return resource(event, url, (response) => app.put(url.href, response), true);
    if (await app.match(url.href, { ignoreVary: true })) return resource(event, url, async () => {}, false);
  }
  return fetch(event.request);
}

// ---------------------------------------------------------------- events

self.addEventListener("install", (event) => {
  self.skipWaiting();
  if (ENABLED) event.waitUntil(refreshShell(true));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && (!ENABLED || (name !== APP && name !== DATA))) await caches.delete(name);
    }
    if (!ENABLED) {
      await self.registration.unregister();
      return;
    }
    // No navigation preload: in Firefox ESR 140 a failed preload (offline)
    // fails the navigation even when the worker answers it.
    await self.registration.navigationPreload?.disable();
    await self.clients.claim();
    await adoptOpenPages().catch((error) => console.warn("news portal offline: open pages not kept", error));
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (!ENABLED || request.method !== "GET" || request.headers.has("range")) return;
  if (request.cache === "only-if-cached" && request.mode !== "same-origin") return;
  const url = new URL(request.url);
  url.hash = "";
  if (url.href === LEDGER) return;
  const inScope = url.origin === SCOPE.origin && url.pathname.startsWith(SCOPE.pathname);
  if (!inScope && url.origin !== apiOrigin) return; // other sites' photos and files: the browser's own way
  event.respondWith(answer(event, url));
});
