// The walks that matter to a reader, in Firefox ESR and WebKitGTK (Chromium
// runs them, and more, in tests/e2e/): listing → page 2 → article → back →
// forward → reload without a full page load; the language switcher az → en →
// ru with its dates; "page not found"; "could not load" with Retry; the strict
// CSP; the sub-path build; the takeover of a prerendered page. ENGINES=firefox (or webkit) runs one engine; every
// test's name starts with its engine's.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { By } from "selenium-webdriver";
import { DIST, SHOTS, deployCopy, onCleanup, prerender, strictCsp } from "../e2e/harness.mjs";
import { serve } from "../../scripts/lib/server.mjs";
import { ENGINES, startEngine } from "./drivers.mjs";

const WAIT = 20000;
const wanted = (process.env.ENGINES ?? Object.keys(ENGINES).join(",")).split(",");

/** What the chrome and the seed article's date read in each language (the same in every engine). */
const LANGUAGES = {
  az: { name: "Azərbaycanca", news: "Xəbərlər", seedDate: "14 may 2024", date: /^\d{1,2} (yanvar|fevral|mart|aprel|may|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr) \d{4}$/ },
  en: { name: "English", news: "News", seedDate: "14 May 2024", date: /^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/ },
  ru: { name: "Русский", news: "Новости", seedDate: "14 мая 2024\u202fг.", date: /^\d{1,2} [а-я]+ \d{4}\u202fг\.$/ },
};

/** Waits until the app shows a view: a main heading and no loading skeleton. */
async function settled(driver) {
  await driver.wait(async () => {
    const headings = await driver.findElements(By.css("main h1"));
    const skeletons = await driver.findElements(By.css(".skeleton"));
    return headings.length > 0 && skeletons.length === 0;
  }, WAIT, "the view did not settle");
}

const heading = async (driver) => (await driver.findElement(By.css("main h1"))).getText();
const urlIs = (driver, url) => driver.wait(async () => (await driver.getCurrentUrl()) === url, WAIT, `never reached ${url}`);
const textShown = (driver, text) => driver.wait(async () =>
  (await driver.findElement(By.css("body")).getText()).includes(text), WAIT, `never showed "${text}"`);

/** Marks the current document; `sameDocument` is true while no full page load happened since. */
const markDocument = (driver) => driver.executeScript("window.__stillHere = true;");
const sameDocument = (driver) => driver.executeScript("return window.__stillHere === true;");

for (const engine of Object.keys(ENGINES).filter((name) => wanted.includes(name))) {
  const label = ENGINES[engine].name;

  describe(label, () => {
    let driver, quit, app;
    const faults = new Map();

    before(async () => {
      await mkdir(SHOTS, { recursive: true });
      app = await serve(DIST, { faults });
      ({ driver, quit } = await startEngine(engine));
      await driver.manage().setTimeouts({ pageLoad: 60000, script: 30000 });
    });
    after(async () => {
      await quit?.();
      await app?.close();
    });
    const url = (path) => app.url + path;

    test(`${label}: listing → page 2 → article → back → forward → reload, routed without full page loads`, async () => {
      await driver.get(url("/en/"));
      await settled(driver);
      assert.equal(await heading(driver), "News");
      await markDocument(driver);
      await driver.findElement(By.css('nav[aria-label="Pages"] a[aria-label="Page 2"]')).click();
      await urlIs(driver, url("/en/page/2"));
      await textShown(driver, "Page 2 of 3");
      await driver.wait(() => driver.executeScript("return document.activeElement?.id === 'page-heading';"), WAIT,
        "focus moves to the new view's heading, for screen readers");
      const card = driver.findElement(By.css("main h2 a"));
      const title = await card.getText();
      await card.click();
      await driver.wait(async () => (await driver.getCurrentUrl()).startsWith(url("/en/news/")), WAIT);
      await settled(driver);
      assert.equal(await heading(driver), title);
      assert.equal(await sameDocument(driver), true, "the link was followed by the app, not by a page load");
      await driver.navigate().back();
      await urlIs(driver, url("/en/page/2"));
      await textShown(driver, "Page 2 of 3");
      await driver.navigate().forward();
      await driver.wait(async () => (await heading(driver).catch(() => "")) === title, WAIT, "forward did not restore the article");
      assert.equal(await sameDocument(driver), true, "back and forward stayed in the app");
      await driver.navigate().refresh();
      await settled(driver);
      assert.equal(await heading(driver), title);
    });

    test(`${label}: the switcher goes az → en → ru, and every date reads as the host writes it`, async () => {
      await driver.get(url("/az/"));
      await settled(driver);
      const screenshot = await driver.takeScreenshot();
      await writeFile(join(SHOTS, `listing-az-${engine}.png`), screenshot, "base64");
      for (const lang of ["az", "en", "ru"]) {
        const words = LANGUAGES[lang];
        if (lang !== "az") {
          await driver.findElement(By.css(`header a[hreflang="${lang}"]`)).click();
          await urlIs(driver, url(`/${lang}/`));
          await driver.wait(async () => (await heading(driver).catch(() => "")) === words.news, WAIT);
          await settled(driver);
        }
        assert.equal(await driver.findElement(By.css("html")).getAttribute("lang"), lang);
        assert.equal(await driver.findElement(By.css('header a[aria-current="true"]')).getText(), words.name);
        const dates = await driver.findElements(By.css("main time"));
        assert.ok(dates.length >= 10, `${lang}: dates on the listing`);
        for (const date of dates) assert.match(await date.getText(), words.date, `${lang}: a card's date`);
      }
      // The choice is remembered (localStorage): BASE now opens Russian.
      await driver.get(url("/"));
      await urlIs(driver, url("/ru/"));
      await settled(driver);
      for (const [lang, slug] of [["az", "dmx-ve-icmpd-emekdasligi"], ["en", "sms-icmpd-cooperation"], ["ru", "sotrudnichestvo-gms-i-mcrmp"]]) {
        await driver.get(url(`/${lang}/news/${slug}`));
        await settled(driver);
        const published = await driver.findElement(By.css("main time")).getText();
        assert.equal(published, LANGUAGES[lang].seedDate, `${lang}: the seed article's date`);
      }
    });

    test(`${label}: unknown routes and articles say "page not found" inside the layout`, async () => {
      for (const path of ["/en/news/no-such-article", "/en/contacts"]) {
        await driver.get(url(path));
        await driver.wait(async () => (await heading(driver).catch(() => "")) === "Page not found", WAIT, path);
        assert.equal((await driver.findElements(By.css("header"))).length, 1, `${path}: the layout stays`);
      }
    });

    test(`${label}: a server error says "could not load", and Retry recovers`, async () => {
      faults.set("/api/en/news/page-1.json", 503);
      try {
        await driver.get(url("/en/"));
        await textShown(driver, "Could not load this page");
        await textShown(driver, "The server answered with error 503.");
      } finally {
        faults.clear();
      }
      await driver.findElement(By.xpath("//button[normalize-space()='Retry']")).click();
      await driver.wait(async () => (await driver.findElements(By.css("main h2 a"))).length === 12, WAIT, "Retry did not bring the cards");
    });

    test(`${label}: behind the strict Content-Security-Policy the app starts and its photos load`, async () => {
      const csp = await serve(DIST, { headers: { "content-security-policy": await strictCsp() } });
      onCleanup(csp.close);
      await driver.get(csp.url + "/en/news/sms-icmpd-cooperation");
      await settled(driver);
      assert.match(await heading(driver), /^Cooperation between/);
      await driver.wait(() => driver.executeScript(
        "const img = document.querySelector('main figure img'); return !!img && img.complete && img.naturalWidth > 0;"), WAIT, "the photo");
    });

    test(`${label}: under a sub-path (/portal/news/) after the documented <base href> edit`, async () => {
      const prefix = "/portal/news/";
      const sub = await serve(await deployCopy({ base: prefix }), { prefix });
      onCleanup(sub.close);
      const base = sub.url + prefix;
      await driver.get(base + "en/");
      await settled(driver);
      await markDocument(driver);
      await driver.findElement(By.css("main h2 a")).click();
      await driver.wait(async () => (await driver.getCurrentUrl()).startsWith(base + "en/news/"), WAIT);
      await settled(driver);
      await driver.findElement(By.xpath("//footer//a[normalize-space()='Privacy Policy']")).click();
      await urlIs(driver, base + "en/privacy");
      await driver.wait(async () => (await heading(driver).catch(() => "")) === "Privacy Policy", WAIT);
      assert.equal(await sameDocument(driver), true);
    });

    test(`${label}: a prerendered article reads the same after the app takes over, which then routes`, async () => {
      const root = await deployCopy();
      await prerender(root);
      const site = await serve(root);
      onCleanup(site.close);
      const data = async (path) => JSON.parse(await readFile(join(root, "api", path), "utf8"));
      const lang = (await data("site.json")).languages.at(-1).code;
      const slug = (await data(`${lang}/news/page-1.json`)).items[0].slug;
      await driver.get(`${site.url}/${lang}/news/${slug}`);
      await driver.wait(() => driver.executeScript("return !document.querySelector('#app[data-np-prerendered]');"),
        WAIT, "the app took over");
      // The page as the server sent it, parsed by this engine, against the live view.
      const [prerendered, live] = await driver.executeAsyncScript(`
        const done = arguments[arguments.length - 1];
        fetch(location.href).then((r) => r.text()).then((html) => {
          const doc = new DOMParser().parseFromString(html, "text/html");
          done([doc.getElementById("app").textContent, document.getElementById("app").textContent]);
        });`);
      assert.equal(live, prerendered, "every text (dates too) as the host wrote it");
      await markDocument(driver);
      await driver.findElement(By.css(".article__back a")).click();
      await urlIs(driver, `${site.url}/${lang}/`);
      await settled(driver);
      assert.equal(await sameDocument(driver), true, "routed by the app");
    });
  });
}
