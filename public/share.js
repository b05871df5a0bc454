// What the article's "copy link", "print" and share-sheet controls do
// (src/components/article_end.rs writes them). Loaded on the first click on
// one of them (public/boot.js hands it the click), so that the first view
// carries none of it. Without JavaScript "copy link" and "print" are links to
// the page itself; the share sheet's button is shown only where it exists.

/** Says `text` in the share row's status line (role=status: screen readers hear it). */
function say(control, text) {
  const status = control.closest(".article-tools")?.querySelector(".article-tools__status");
  if (!status) return;
  status.textContent = "";
  // A change a moment later: read out again for a second copy.
  setTimeout(() => { status.textContent = text; }, 50);
}

/** Copies `text` to the clipboard: the Clipboard API, else a selected field and `copy`. */
async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    Object.assign(field.style, { position: "fixed", opacity: "0" }); // CSSOM: allowed by a strict CSP
    document.body.append(field);
    field.select();
    const done = document.execCommand?.("copy") ?? false;
    field.remove();
    return done;
  }
}

/** Acts on a click on `control` (an element with `data-np-copy`, `data-np-print` or `data-np-share`). */
export async function act(control) {
  const url = control.closest(".article__end")?.querySelector(".article__address")?.dataset.url || location.href;
  if (control.hasAttribute("data-np-print")) {
    window.print();
  } else if (control.hasAttribute("data-np-copy")) {
    // Without a clipboard the link itself stays, to copy from the browser's menu.
    if (await copy(url)) say(control, control.dataset.npCopy);
  } else if (control.hasAttribute("data-np-share")) {
    const title = document.querySelector("main h1")?.textContent ?? document.title;
    try {
      await navigator.share({ title, url });
    } catch (error) {
      if (error?.name !== "AbortError") console.warn("news portal: share", error);
    }
  }
}
