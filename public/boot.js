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

async function start() {
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
