// The three languages as a reader meets them: the switcher on the listing and on
// an article, reloads, the first visit's choice, a missing translation, and
// axe-core in every language. Runs against the release build in dist/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servedApp, withPage, settled, assertAccessible, screenshot, cardLinks } from "./harness.mjs";

const env = servedApp();
const url = env.url;

/** Opens BASE and waits until the app has chosen `languagePath` (such as "/ru/") and shown it. */
async function openBase(page, languagePath) {
  await page.goto(url("/"));
  await page.waitForURL(url(languagePath));
  await settled(page);
}

/** What the chrome says in each language, and how its dates look in Chromium. */
const CHROME = {
  az: {
    name: "Azərbaycanca", agency: "Azərbaycan Respublikasının Dövlət Miqrasiya Xidməti",
    news: "Xəbərlər", terms: "İstifadəçilər üçün qaydalar", privacy: "Məxfilik siyasəti",
    rights: "Bütün hüquqlar qorunur", skip: "Əsas məzmuna keç", switcher: "Dil",
    position: "Səhifə 2 / 3", back: "← Xəbərlərə qayıt", published: "Dərc tarixi:",
    seedDate: "14 may 2024",
    date: /^\d{1,2} (yanvar|fevral|mart|aprel|may|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr) 2024$/,
  },
  en: {
    name: "English", agency: "The Republic of Azerbaijan State Migration Service",
    news: "News", terms: "Terms for users", privacy: "Privacy Policy",
    rights: "All rights reserved", skip: "Skip to main content", switcher: "Language",
    position: "Page 2 of 3", back: "← Back to news", published: "Published",
    seedDate: "14 May 2024", date: /^\d{1,2} [A-Z][a-z]+ 2024$/,
  },
  ru: {
    name: "Русский", agency: "Государственная миграционная служба Азербайджанской Республики",
    news: "Новости", terms: "Правила для пользователей", privacy: "Политика конфиденциальности",
    rights: "Все права защищены", skip: "Перейти к основному содержанию", switcher: "Язык",
    position: "Страница 2 из 3", back: "← Назад к новостям", published: "Опубликовано",
    // CLDR: a narrow no-break space (U+202F) before "г.".
    seedDate: "14 мая 2024\u202fг.", date: /^\d{1,2} [а-я]+ 2024\u202fг\.$/,
  },
};

const SEED = {
  az: { slug: "dmx-ve-icmpd-emekdasligi", title: /^Dövlət Miqrasiya Xidməti ilə Beynəlxalq Miqrasiya Siyasətinin/ },
  en: { slug: "sms-icmpd-cooperation", title: /^Cooperation between State Migration Service and International Centre/ },
  ru: { slug: "sotrudnichestvo-gms-i-mcrmp", title: /^Обсуждено сотрудничество Государственной миграционной службы/ },
};

/** Checks the header, footer, `<html lang>` and switcher are all in `lang`. */
async function assertChrome(page, lang) {
  const words = CHROME[lang];
  assert.equal(await page.locator("html").getAttribute("lang"), lang);
  const banner = page.getByRole("banner");
  // The agency's name arrives with {lang}/site.json, which may come after the view's own text.
  await banner.getByRole("link", { name: words.agency }).first().waitFor({ timeout: 10_000 }).catch(() => {});
  assert.equal(await banner.getByRole("link", { name: words.agency }).count(), 1, `${lang}: agency name`);
  assert.equal(await banner.getByRole("link", { name: words.news, exact: true }).count(), 1, `${lang}: News`);
  const switcher = page.getByRole("navigation", { name: words.switcher });
  assert.equal(await switcher.getByRole("link").count(), 3);
  const current = switcher.locator('a[aria-current="true"]');
  assert.equal(await current.textContent(), words.name);
  assert.equal(await current.getAttribute("lang"), lang);
  const footer = page.getByRole("contentinfo");
  assert.equal(await footer.getByRole("link", { name: words.terms }).count(), 1, `${lang}: terms link`);
  assert.equal(await footer.getByRole("link", { name: words.privacy }).count(), 1, `${lang}: privacy link`);
  assert.match(await footer.textContent(), new RegExp(words.rights));
  assert.equal(await page.getByRole("link", { name: words.skip, exact: true }).count(), 1, `${lang}: skip link`);
}

/** Follows the switcher link to `lang` and waits for the view to settle at `path`. */
async function switchTo(page, lang, path) {
  // The previous view stays on screen while the next one loads (no skeleton
  // between two views of the same kind), so wait for the app's next view mark.
  const before = await page.evaluate(() => performance.getEntriesByName("news-portal:view").at(-1)?.startTime ?? -1);
  await page.getByRole("banner").getByRole("link", { name: CHROME[lang].name }).click();
  await page.waitForURL(url(path));
  await page.waitForFunction((before) => (performance.getEntriesByName("news-portal:view").at(-1)?.startTime ?? -1) > before, before);
  await settled(page);
}

/** The hreflang alternates in the head, as `{hreflang: path}`. */
async function alternates(page) {
  const links = await page.locator('head link[rel="alternate"]').evaluateAll((all) =>
    all.map((link) => [link.hreflang, new URL(link.href).pathname + new URL(link.href).search]));
  return Object.fromEntries(links);
}

test("the switcher on listing page 2 keeps page 2 in az → en → ru, and each reloads the same", () => withPage(env.browser, async (page) => {
  await page.goto(url("/az/page/2"));
  await settled(page);
  const paths = { az: "/az/page/2", en: "/en/page/2", ru: "/ru/page/2" };
  for (const lang of ["az", "en", "ru"]) {
    if (lang !== "az") await switchTo(page, lang, paths[lang]);
    for (const pass of ["switched", "reloaded"]) {
      if (pass === "reloaded") { await page.reload(); await settled(page); }
      const words = CHROME[lang];
      assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), `${words.news} – ${lang === "en" ? "page" : lang === "az" ? "səhifə" : "страница"} 2`);
      assert.equal(await page.getByText(words.position, { exact: true }).count(), 1, `${lang} ${pass}: position`);
      await assertChrome(page, lang);
      for (const date of await page.locator(".news-card time").allTextContents()) {
        assert.match(date, words.date, `${lang} ${pass}: date "${date}"`);
      }
      assert.deepEqual(await alternates(page), paths, `${lang} ${pass}: hreflang alternates`);
      assert.equal(await page.getByRole("navigation", { name: words.switcher })
        .getByRole("link", { name: CHROME.ru.name }).getAttribute("href"), paths.ru);
    }
    await assertAccessible(page, `listing page 2 in ${lang}`);
  }
}));

test("the switcher on an article goes to its translation in az → en → ru, and each reloads the same", () => withPage(env.browser, async (page) => {
  await page.goto(url(`/az/news/${SEED.az.slug}`));
  await settled(page);
  const paths = Object.fromEntries(Object.entries(SEED).map(([lang, { slug }]) => [lang, `/${lang}/news/${slug}`]));
  for (const lang of ["az", "en", "ru"]) {
    if (lang !== "az") await switchTo(page, lang, paths[lang]);
    for (const pass of ["switched", "reloaded"]) {
      if (pass === "reloaded") { await page.reload(); await settled(page); }
      const words = CHROME[lang];
      assert.match(await page.getByRole("heading", { level: 1 }).textContent(), SEED[lang].title, `${lang} ${pass}`);
      assert.match(await page.title(), new RegExp(` – ${words.agency}$`));
      await assertChrome(page, lang);
      const dates = page.locator(".article__dates");
      assert.equal(await dates.locator("time").first().textContent(), words.seedDate, `${lang} ${pass}: published date`);
      assert.match(await dates.textContent(), new RegExp(`^${words.published}`));
      assert.equal(await page.getByRole("link", { name: words.back, exact: true }).count(), 1, `${lang} ${pass}: back link`);
      assert.deepEqual(await alternates(page), paths, `${lang} ${pass}: hreflang alternates`);
    }
    await assertAccessible(page, `the seed article in ${lang}`);
    await screenshot(page, `article-${lang}`);
  }
}));

test("terms and privacy switch language in place", () => withPage(env.browser, async (page) => {
  await page.goto(url("/ru/privacy"));
  await settled(page);
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "Политика конфиденциальности");
  assert.match(await page.locator(".legal__updated").textContent(), /^Последнее обновление: 10 января 2024\u202fг\.$/);
  await switchTo(page, "az", "/az/privacy");
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "Məxfilik siyasəti");
  await page.getByRole("contentinfo").getByRole("link", { name: CHROME.az.terms }).click();
  await page.waitForURL(url("/az/terms"));
  await settled(page);
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "İstifadəçilər üçün qaydalar");
  await assertChrome(page, "az");
  await assertAccessible(page, "terms in az");
}));

test("an article with no translation leads to that language's listing with a note", () => withPage(env.browser, async (page) => {
  // The publisher has not translated this article into Russian.
  await page.route("**/api/en/news/sms-icmpd-cooperation.json", async (route) => {
    const response = await route.fetch();
    const article = await response.json();
    delete article.translations.ru;
    await route.fulfill({ response, json: article });
  });
  await page.goto(url("/en/news/sms-icmpd-cooperation"));
  await settled(page);
  assert.deepEqual(Object.keys(await alternates(page)).sort(), ["az", "en"]);
  await switchTo(page, "ru", "/ru/");
  const note = page.getByRole("status").filter({ hasText: "Эта новость не опубликована на русском языке." });
  await note.waitFor();
  await assertChrome(page, "ru");
  assert.equal(await cardLinks(page).count(), 12);
  await assertAccessible(page, "listing with the untranslated note");
  // The note belongs to that moment: the next page has none.
  await page.getByRole("link", { name: "Страница 2" }).click();
  await page.waitForURL(url("/ru/page/2"));
  await settled(page);
  assert.equal(await note.count(), 0);
}));

test("an article whose translations are all unusable still names its own language", () => withPage(env.browser, async (page) => {
  await page.route("**/api/en/news/sms-icmpd-cooperation.json", async (route) => {
    const response = await route.fetch();
    const article = await response.json();
    article.translations = { ru: "../../site", az: 42 }; // dropped as unusable
    await route.fulfill({ response, json: article });
  });
  await page.goto(url("/en/news/sms-icmpd-cooperation"));
  await settled(page);
  assert.deepEqual(await alternates(page), { en: "/en/news/sms-icmpd-cooperation" });
}));

for (const [locale, expected] of [["ru-RU", "ru"], ["az-AZ", "az"], ["en-GB", "en"], ["de-DE", "az"]]) {
  test(`a first visit with the browser in ${locale} opens ${expected}`, () => withPage(env.browser, { locale }, async (page) => {
    await openBase(page, `/${expected}/`);
    await assertChrome(page, expected);
  }));
}

test("a language chosen with the switcher is remembered and wins over the browser's", () => withPage(env.browser, { locale: "en-US" }, async (page) => {
  await openBase(page, "/en/");
  await switchTo(page, "ru", "/ru/");
  await openBase(page, "/ru/");
  await assertChrome(page, "ru");
}));

test("storage that refuses (private mode, sandboxed frames) only means nothing is remembered", () => withPage(env.browser, { locale: "ru-RU" }, async (page) => {
  await page.addInitScript(() => {
    for (const method of ["getItem", "setItem"]) {
      Storage.prototype[method] = () => { throw new DOMException("denied", "SecurityError"); };
    }
  });
  await openBase(page, "/ru/");
  await switchTo(page, "en", "/en/");
  await openBase(page, "/ru/");
}));

test("an unknown language code is 'page not found' in the reader's language, with no alternates", () => withPage(env.browser, { locale: "ru-RU", allow: ["Failed to load resource"] }, async (page) => {
  await page.goto(url("/de/"));
  await page.getByRole("heading", { level: 1, name: "Страница не найдена" }).waitFor();
  await assertChrome(page, "ru");
  assert.deepEqual(await alternates(page), {});
  await assertAccessible(page, "unknown language");
}));

test("on a phone no word of a view's heading is split across lines, in any language", async () => {
  for (const width of [360, 412]) {
    await withPage(env.browser, { viewport: { width, height: 800 } }, async (page) => {
      for (const lang of Object.keys(CHROME)) {
        for (const path of [`/${lang}/`, `/${lang}/terms`, `/${lang}/privacy`]) {
          await page.goto(url(path));
          await settled(page);
          // Each word of the heading as a range: one line box, or it was broken inside.
          const split = await page.locator("main h1").evaluate((heading) => {
            const text = heading.firstChild;
            return [...text.textContent.matchAll(/\S+/g)].filter((word) => {
              const range = document.createRange();
              range.setStart(text, word.index);
              range.setEnd(text, word.index + word[0].length);
              return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1;
            }).map((word) => word[0]);
          });
          assert.deepEqual(split, [], `${width} px, ${path}`);
        }
      }
    });
  }
});
