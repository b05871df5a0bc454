// The search view, loaded only when a reader opens it (src/browser/search.rs
// imports it and calls `show`), with Pagefind's index of the view's language
// (`pagefind/{lang}/pagefind.js`) and the strings it shows
// (`search-strings/{lang}.json`), both made at publish time and found beside
// this module. Kept out of the wasm so that the first view of every other page
// carries none of it. It renders the form with its filters (tag, year, with
// counts), a live status line, the results (thumbnail, linked title, date,
// excerpt with the words marked) and "more". A search is a URL: the form
// navigates through a link the app's router follows, and the app calls `show`
// again for the new URL. Everything from the index is put in as text.

const PAGE = 10;
let current = 0; // the latest call: older searches stop when they see it changed
const ready = new WeakSet(); // Pagefind modules whose options are set
const interfaces = new Map(); // strings URL -> its promise, while it has not failed

/** `{strings, dates}` of a view's language, fetched once. */
function interfaceOf(url) {
  if (!interfaces.has(url)) {
    const loading = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
      return response.json();
    });
    loading.catch(() => interfaces.delete(url)); // a later search asks again
    interfaces.set(url, loading);
  }
  return interfaces.get(url);
}

/** An element with attributes and children (strings become text nodes). */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

// The results' styles (public/search.css, beside this module): style/main.css
// has only what the first view of the search page needs. Fetched as this
// module loads; `show` waits for them, or for their failure, before it renders.
const styled = new Promise((resolve) => {
  const href = new URL("search.css", import.meta.url).href;
  document.head.append(h("link", { rel: "stylesheet", href, onload: resolve, onerror: resolve }));
});

/** `{n}`-style placeholders filled. */
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (all, key) => (key in values ? values[key] : all));

/** A date of the index (`YYYY-MM-DD`) in the app's long form for the language. */
function longDate(iso, dates) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? "");
  if (!match) return null;
  const [, y, m, d] = match;
  const month = dates.months[Number(m) - 1];
  return month ? h("time", { datetime: match[0] }, fill(dates.pattern, { d: String(Number(d)), month, y })) : null;
}

/**
 * The letters a reader may type without, from the publish step's table
 * (`folds`: pairs of letters, `əe` for ə typed as e): `fold("icazə")` is
 * `icaze`. The index holds each word that has such letters twice, as written
 * and folded (`icazə icaze`), and queries are folded, so either spelling finds
 * the story; `untwinned` removes the twins from what a result shows.
 */
function folder(pairs) {
  const table = new Map([...(pairs ?? "").matchAll(/(.)(.)/gsu)].map(([, from, to]) => [from, to]));
  return (text) => text.replace(/./gsu, (c) => table.get(c) ?? c);
}

/**
 * `parts` (`[text, marked]`, in order) with every folded twin after its word
 * removed, the word marked if either was; adjacent parts of one kind joined.
 */
function untwinned(parts, fold) {
  const tokens = parts.flatMap(([text, marked]) => (text.match(/[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu) ?? []).map((t) => [t, marked]));
  const kept = [];
  for (let i = 0; i < tokens.length; i++) {
    const [word, marked] = tokens[i];
    const twin = tokens[i + 2]?.[0];
    const folded = fold(word);
    if (folded !== word && tokens[i + 1]?.[0] === " " && twin === folded) {
      kept.push([word, marked || tokens[i + 2][1]]);
      i += 2;
    } else kept.push([word, marked]);
  }
  return kept.reduce((joined, [text, marked]) => {
    const last = joined[joined.length - 1];
    if (last && last[1] === marked) last[0] += text;
    else joined.push([text, marked]);
    return joined;
  }, []);
}

/**
 * An excerpt: text, with the words Pagefind marked in `<mark>`; nothing else
 * is markup. `content` is the page's whole text, as indexed: where the
 * excerpt begins with the twin of a word it left out, that word is put back.
 */
function excerpt(html, content, fold) {
  const text = (part) => {
    const decoder = document.createElement("textarea");
    decoder.innerHTML = part; // a textarea's content is never parsed as markup
    return decoder.value;
  };
  const parts = (html ?? "").split(/(<mark>.*?<\/mark>)/s).filter(Boolean).map((part) =>
    part.startsWith("<mark>") ? [text(part.slice(6, -7)), true] : [text(part), false]);
  const plain = parts.map(([part]) => part).join("");
  const at = (content ?? "").indexOf(plain);
  const before = at > 0 ? /([\p{L}\p{N}]+)\s$/u.exec(content.slice(0, at))?.[1] : undefined;
  if (before && fold(before) !== before && plain.startsWith(fold(before))) parts.unshift([`${before} `, false]);
  return untwinned(parts, fold).map(([part, marked]) => (marked ? h("mark", {}, part) : part));
}

/** Goes to `href` inside the app: its router follows links, as a reader's click. */
function go(container, href) {
  const link = h("a", { href, hidden: true });
  container.append(link);
  link.click();
  link.remove();
}

function searchHref(options, query) {
  const params = new URLSearchParams();
  for (const key of ["q", "tag", "year"]) if (query[key]) params.set(key, query[key]);
  // As the app writes it (core::routes): spaces as %20, not +.
  const search = params.toString().replace(/\+/g, "%20");
  return search ? `${options.href}?${search}` : options.href;
}

/** The form: words, and a `<select>` per filter with its counts. */
function form(container, options, counts) {
  const { strings, query } = options;
  const words = h("input", { id: "search-text", type: "search", name: "q", autocomplete: "off", value: query.q ?? "" });
  const select = (name, label, any, values) => {
    const chosen = query[name] ?? "";
    // The values the words leave (a count of 0 would lead nowhere), and the chosen one.
    const entries = Object.entries(values ?? {}).filter(([value, count]) => count > 0 || value === chosen).sort(([a], [b]) => (name === "year" ? b.localeCompare(a) : a.localeCompare(b)));
    if (chosen && !entries.some(([value]) => value === chosen)) entries.push([chosen, 0]);
    return h("div", { class: "search-form__filter" },
      h("label", { for: `search-${name}` }, label),
      h("select", { id: `search-${name}`, name, onchange: submit },
        h("option", { value: "", selected: !chosen }, any),
        entries.map(([value, count]) => h("option", { value, selected: value === chosen }, `${value} (${count})`))));
  };
  function submit(event) {
    event?.preventDefault();
    const data = new FormData(element);
    go(container, searchHref(options, { q: String(data.get("q") ?? "").trim(), tag: data.get("tag"), year: data.get("year") }));
  }
  // Named by the view's heading: the header's search form is the other landmark of its kind.
  const element = h("form", { class: "search-form", role: "search", method: "get", action: options.href, "aria-labelledby": "page-heading", onsubmit: submit },
    h("div", { class: "search-form__words" },
      h("label", { for: "search-text" }, strings.search_field), words, h("button", { type: "submit" }, strings.search)),
    // The filters once the index has counted them (the view's first form, as
    // the prerendered page has it, is the words alone).
    counts && select("tag", strings.tag_label, strings.any_tag, counts.tag),
    counts && select("year", strings.year_label, strings.any_year, counts.year));
  return element;
}

/** One result. */
function result(data, options) {
  const href = data.url.replace(/\.html$/, "");
  // The index has the photo as the prerendered page has it, relative to the
  // folder the site was published in (./api/img/…), where this module is too:
  // resolved against it, not against a portal's page that embeds the app.
  const image = data.meta?.image && new URL(data.meta.image, import.meta.url).href;
  return h("li", { class: "search-result" },
    image ? h("img", { class: "search-result__photo", src: image, alt: "", width: 120, height: 80, loading: "lazy", decoding: "async" }) : null,
    h("div", { class: "search-result__body" },
      h("h2", { class: "search-result__title" }, h("a", { href }, data.meta?.title ? untwinned([[data.meta.title, false]], options.fold).map(([text]) => text).join("") : href)),
      data.meta?.date ? h("p", { class: "search-result__date" }, longDate(data.meta.date, options.dates)) : null,
      h("p", { class: "search-result__excerpt" }, excerpt(data.excerpt, data.content, options.fold))));
}

/**
 * Shows the search `given.query` (the URL's query string: `q`, `tag`, `year`)
 * in `container`, with the index and the strings of `given.lang`, which the
 * publish step put beside this module (`pagefind/{lang}/`,
 * `search-strings/{lang}.json`). `given`: also `base` (the app's BASE, under
 * which results lead) and `href` (the search view's path). Resolves when the
 * first results are on screen; rejects when the strings or the index cannot
 * be loaded (the app then says so).
 */
export async function show(container, given) {
  const call = ++current;
  const files = (path) => new URL(`${path}/${given.lang}`, import.meta.url).href;
  const [{ strings, dates, folds }] = await Promise.all([interfaceOf(`${files("search-strings")}.json`), styled]);
  if (call !== current) return;
  const asked = new URLSearchParams(given.query);
  const query = Object.fromEntries(["q", "tag", "year"].map((name) => [name, asked.get(name) ?? ""]));
  const options = { ...given, query, strings, dates, fold: folder(folds) };
  const status = h("p", { class: "search__status", role: "status", "aria-live": "polite" });
  const list = h("ol", { class: "search-results" });
  const more = h("button", { type: "button", class: "search-more", hidden: true }, strings.more);
  const anything = Boolean(query.q || query.tag || query.year);
  container.replaceChildren(form(container, options, null), status, list, more);
  status.textContent = anything ? strings.searching : strings.search_prompt;
  // For whoever waits for an answer (the tests): which search was last answered.
  const answered = () => {
    if (call === current) container.dataset.answered = JSON.stringify([query.q ?? "", query.tag ?? "", query.year ?? ""]);
  };
  delete container.dataset.answered;
  // Nothing asked: nothing of the index is loaded.
  if (!anything) return answered();

  let pagefind;
  try {
    pagefind = await import(`${files("pagefind")}/pagefind.js`);
    if (!ready.has(pagefind)) {
      // Result URLs under the app's BASE (a portal's path), short excerpts.
      await pagefind.options({ baseUrl: options.base, excerptLength: 24 });
      // Loads the filters' index: without it a search answers no counts.
      await pagefind.filters();
      ready.add(pagefind);
    }
  } catch (error) {
    if (call === current) status.textContent = strings.search_unavailable;
    answered();
    throw error;
  }
  const filters = {};
  if (query.tag) filters.tag = query.tag;
  if (query.year) filters.year = query.year;
  const found = await pagefind.search(query.q ? options.fold(query.q) : null, { filters });
  if (call !== current || !found) return;
  container.replaceChild(form(container, options, found.filters), container.firstChild);

  let shown = 0;
  const page = async () => {
    const next = found.results.slice(shown, shown + PAGE);
    shown += next.length;
    const data = await Promise.all(next.map((hit) => hit.data()));
    if (call !== current) return;
    list.append(...data.map((item) => result(item, options)));
    more.hidden = shown >= found.results.length;
  };
  more.addEventListener("click", async () => {
    const first = shown;
    await page();
    // Keyboard and screen-reader users continue at the first new result.
    list.children[first]?.querySelector("a")?.focus();
  });
  await page();
  status.textContent = found.results.length
    ? fill(strings.found, { n: found.results.length })
    : strings.nothing;
  answered();
}
