// A large API tree for the publish step's benchmark: `count` articles in
// each language of the sample's site.json, with listings, translations, photos
// and bodies of a realistic size (paragraphs, a list, links). Written into
// `dir` as a built app: the given index.html as its shell, the tree under api/.
// With `photos` (JPEG files' bytes), article n of every language shows
// photos[n % photos.length] as a CMS exports it (no `sources`: the publish
// step makes them); without, the sample's SVG illustration.
//   node bench/generate-tree.mjs DIST DIR [COUNT]
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

const PER_PAGE = 12;

/** Writes the tree; resolves to its languages and the number of pages the step should write. */
export async function generateTree(dist, dir, count, photos = []) {
  await rm(dir, { recursive: true, force: true });
  const api = join(dir, "api");
  await mkdir(api, { recursive: true });
  await cp(join(dist, "index.html"), join(dir, "index.html"));
  await cp(join(dist, "api", "img"), join(api, "img"), { recursive: true });
  const site = JSON.parse(await readFile(join(dist, "api", "site.json"), "utf8"));
  await writeFile(join(api, "site.json"), JSON.stringify(site));
  const langs = site.languages.map((language) => language.code);
  if (photos.length) await mkdir(join(api, "img", "photos"), { recursive: true });
  for (const [n, bytes] of photos.entries()) await writeFile(join(api, "img", "photos", `${n}.jpg`), bytes);
  const slug = (lang, n) => `${lang}-article-${n}`;
  const start = Date.UTC(2026, 10, 1);
  const totalPages = Math.ceil(count / PER_PAGE);
  for (const lang of langs) {
    const news = join(api, lang, "news");
    await mkdir(news, { recursive: true });
    await mkdir(join(api, lang, "pages"), { recursive: true });
    for (const file of ["site.json", "pages/terms.json", "pages/privacy.json"]) {
      await cp(join(dist, "api", lang, file), join(api, lang, file));
    }
    const items = [];
    for (let n = 0; n < count; n++) {
      const published = new Date(start - n * 3_600_000).toISOString().replace(".000Z", "Z");
      const translations = Object.fromEntries(langs.filter((other) => other !== lang).map((other) => [other, slug(other, n)]));
      const photo = photos.length
        ? { src: `../../img/photos/${n % photos.length}.jpg`, alt: `Photo ${n}`, width: 3000, height: 2000 }
        : { src: "../../img/news/annual-report-2023.svg", alt: `Photo ${n}`, width: 1200, height: 800 };
      const summary = `Summary of article ${n} in ${lang}: what changed, for whom, and from when it applies.`;
      const item = { slug: slug(lang, n), title: `Article ${n} of the benchmark tree (${lang})`, published, summary, photo, translations };
      items.push(item);
      const paragraphs = Array.from({ length: 6 }, (_, p) =>
        `<p>Paragraph ${p + 1} of article ${n}. The service informs that applications can be submitted online `
        + `or at any regional office; see <a href="https://www.example.gov/services/${n}">the service page</a> `
        + `and <a href="../pages/terms.json">the terms</a> for details &amp; deadlines.</p>`).join("\n");
      const body = `${paragraphs}\n<h2>What to bring</h2>\n<ul><li>Passport</li><li>Two photos</li><li>Receipt of the state fee</li></ul>`;
      await writeFile(join(news, `${item.slug}.json`), JSON.stringify({
        ...item, updated: published, tags: ["benchmark", lang], body_html: body,
        gallery: [{ ...photo, caption: "A caption", credit: "Press service" }],
      }));
    }
    for (let page = 1; page <= totalPages; page++) {
      const slice = items.slice((page - 1) * PER_PAGE, page * PER_PAGE);
      await writeFile(join(news, `page-${page}.json`), JSON.stringify({
        page, per_page: PER_PAGE, total_pages: totalPages, total_items: count, items: slice,
      }));
    }
  }
  return { languages: langs.length, pages: langs.length * (count + totalPages + 2) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dist, dir, count = "10000"] = process.argv.slice(2);
  const { pages } = await generateTree(dist, dir, Number(count));
  console.log(`wrote ${dir}: the step should write ${pages} pages`);
}
