// End-to-end: what a reader does, in headless Chromium against the release build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { servedApp, withPage, settled, assertAccessible, screenshot, cardLinks } from "./harness.mjs";

const AGENCY = "The Republic of Azerbaijan State Migration Service";
const SEED_TITLE = "Cooperation between State Migration Service and International Centre for Migration Policy Development discussed";
const env = servedApp();
const url = env.url;

test("the root redirects to the default language's listing, with header, cards and footer", () => withPage(env.browser, async (page) => {
  await page.goto(url("/"));
  await page.waitForURL(url("/en/"));
  await settled(page);
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "News");
  assert.equal(await page.title(), `News – ${AGENCY}`);
  const banner = page.getByRole("banner");
  assert.equal(await banner.getByRole("link", { name: AGENCY }).count(), 1);
  assert.equal(await banner.locator("img.brand-logo").count(), 1);
  assert.equal(await banner.getByRole("link", { name: "News" }).getAttribute("aria-current"), "page");
  assert.equal(await cardLinks(page).count(), 12);
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.equal(await page.locator('meta[name="description"]').count(), 1, "exactly one meta description");
  const description = await page.locator('meta[name="description"]').getAttribute("content");
  assert.ok(description && description.length > 10, "listing has a meta description");
  const footer = page.getByRole("contentinfo");
  assert.match(await footer.textContent(), new RegExp(`© 2024 ${AGENCY}`));
  assert.match(await footer.textContent(), /All rights reserved/);
  assert.equal(await footer.getByRole("link", { name: "Terms for users" }).count(), 1);
  assert.equal(await footer.getByRole("link", { name: "Privacy Policy" }).count(), 1);
  // A fresh page load keeps focus at the top (skip link first), not on the heading.
  assert.notEqual(await page.evaluate(() => document.activeElement?.tagName), "H1");
  await assertAccessible(page, "listing page 1");
  await screenshot(page, "listing-desktop");
}));

test("listing → page 2 → article → back → reload, the way a reader walks it", () => withPage(env.browser, async (page) => {
  await page.goto(url("/en/"));
  await settled(page);
  const firstOnPageOne = await cardLinks(page).first().textContent();

  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Page 2" }).click();
  await page.waitForURL(url("/en/page/2"));
  await page.getByText("Page 2 of 3").waitFor();
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "News – page 2");
  assert.notEqual(await cardLinks(page).first().textContent(), firstOnPageOne);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "page-heading", "focus moves to the new heading");
  const pages = page.getByRole("navigation", { name: "Pages" });
  assert.equal(await pages.getByRole("link", { name: "Page 2" }).getAttribute("aria-current"), "page");
  await assertAccessible(page, "listing page 2");

  const cardLink = cardLinks(page).first();
  const articleTitle = await cardLink.textContent();
  await cardLink.click();
  await page.waitForURL(/\/en\/news\//);
  await settled(page);
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), articleTitle);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "page-heading");
  assert.equal(await page.evaluate(() => window.scrollY), 0, "a new page starts at its top");
  assert.equal(await page.getByRole("link", { name: "← Back to news" }).getAttribute("href"), "/en/page/2");
  assert.equal(await page.title(), `${articleTitle} – ${AGENCY}`);
  assert.equal(await page.getByRole("banner").getByRole("link", { name: "News" }).getAttribute("aria-current"), null);
  assert.equal(await page.locator('meta[name="description"]').count(), 1, "the listing's description was replaced");
  await assertAccessible(page, "article");

  await page.goBack();
  await page.waitForURL(url("/en/page/2"));
  await page.getByText("Page 2 of 3").waitFor();
  assert.equal(await cardLinks(page).count(), 12);

  await page.goForward();
  await page.waitForURL(/\/en\/news\//);
  await settled(page);
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), articleTitle);

  await page.reload();
  await settled(page);
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), articleTitle, "deep link survives a reload");
  assert.equal(await page.getByRole("link", { name: "← Back to news" }).getAttribute("href"), "/en/", "a deep link goes back to page 1");

  // The older ?page=N still works, and the address bar then shows the path form.
  const entries = await page.evaluate(() => history.length);
  await page.goto(url("/en/?page=3"));
  await page.waitForURL(url("/en/page/3"));
  await page.getByText("Page 3 of 3").waitFor();
  assert.equal(await page.evaluate(() => history.length), entries + 1, "the old form was replaced, not added");
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), "page-heading", "a fresh load keeps focus at the top");
  assert.equal(await cardLinks(page).count(), 6);
  assert.equal(await page.getByRole("link", { name: /Next/ }).count(), 0, "no next link on the last page");
  await page.getByRole("link", { name: /Previous/ }).click();
  await page.waitForURL(url("/en/page/2"));
}));

test("the seed article shows its photo, caption, credit, dates, body and gallery", () => withPage(env.browser, async (page) => {
  await page.goto(url("/en/news/sms-icmpd-cooperation"));
  await settled(page);
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), SEED_TITLE);
  const lead = page.locator(".article > .photo img");
  assert.match(await lead.getAttribute("alt"), /video-call/);
  // The photo's size as the data gives it (a camera-sized JPEG with variants in the sample).
  const { photo } = await page.evaluate(() => fetch("/api/en/news/sms-icmpd-cooperation.json").then((r) => r.json()));
  assert.equal(await lead.getAttribute("width"), String(photo.width));
  assert.equal(await lead.getAttribute("height"), String(photo.height));
  assert.ok(await lead.evaluate((img) => img.complete && img.naturalWidth > 0), "the photo loaded");
  assert.match(await page.locator(".article > .photo figcaption").textContent(), /video link.*Photo: Press service/s);
  const dates = await page.locator(".article__dates").textContent();
  assert.match(dates, /Published 14 May 2024/);
  assert.match(dates, /Updated 15 May 2024/);
  const body = page.locator(".rich-text");
  for (const text of ["Vusal Huseynov", "Violeta Wagner", "RESTART", "MOBILAZE", "ETIMAD", "COVID-19"]) {
    assert.match(await body.textContent(), new RegExp(text));
  }
  assert.equal(await body.getByRole("heading", { level: 2, name: "Projects discussed" }).count(), 1);
  const external = body.getByRole("link", { name: "ICMPD website" });
  assert.equal(await external.getAttribute("rel"), "noopener noreferrer");
  assert.equal(await page.locator(".gallery img").count(), 2);
  await assertAccessible(page, "seed article");
  await screenshot(page, "article-seed");
}));

test("an article without a photo shows none, and the listing shows a placeholder for it", () => withPage(env.browser, async (page) => {
  await page.goto(url("/en/news/stateless-persons-documentation"));
  await settled(page);
  assert.equal(await page.locator(".article .photo").count(), 0);
  assert.equal(await page.locator(".rich-text li").count(), 4);
  await page.goto(url("/en/"));
  await settled(page);
  const placeholder = page.getByRole("img", { name: "No photo" });
  assert.ok((await placeholder.count()) >= 1);
}));

test("terms and privacy open from the footer, with their last-updated date", () => withPage(env.browser, async (page) => {
  await page.goto(url("/en/"));
  await settled(page);
  await page.getByRole("contentinfo").getByRole("link", { name: "Terms for users" }).click();
  await page.waitForURL(url("/en/terms"));
  await page.getByRole("heading", { level: 1, name: "Terms for users" }).waitFor();
  assert.match(await page.locator(".legal__updated").textContent(), /Last updated 10 January 2024/);
  assert.ok((await page.locator(".rich-text h2").count()) >= 5);
  assert.equal(await page.title(), `Terms for users – ${AGENCY}`);
  await assertAccessible(page, "terms");
  await screenshot(page, "terms");

  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy Policy" }).click();
  await page.waitForURL(url("/en/privacy"));
  await page.getByRole("heading", { level: 1, name: "Privacy Policy" }).waitFor();
  assert.equal(await page.locator(".rich-text table").count(), 1);
  assert.equal(await page.getByRole("link", { name: "info@migration.gov.az" }).getAttribute("href"), "mailto:info@migration.gov.az");
  await assertAccessible(page, "privacy");
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Privacy Policy" }).waitFor();
}));

for (const [label, path] of [
  ["an unknown route", "/en/no/such/route"],
  ["an unknown article", "/en/news/no-such-article"],
  ["an unknown language", "/xx/"],
  ["a slug that tries to leave the news folder", "/en/news/..%2Fsite"],
]) {
  test(`${label} shows "page not found" inside the layout, with a link home`, () => withPage(env.browser, { allow: ["Failed to load resource"] }, async (page) => {
    const dataRequests = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path.endsWith(".json")) dataRequests.push(path);
    });
    await page.goto(url(path));
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    for (const requested of dataRequests) {
      assert.ok(requested.startsWith("/api/"), `a request left the data root: ${requested}`);
      assert.ok(!requested.includes(".."), `a request escaped its folder: ${requested}`);
    }
    assert.equal(await page.getByRole("banner").count(), 1);
    assert.equal(await page.getByRole("contentinfo").count(), 1);
    await page.getByRole("main").getByRole("link", { name: "Go to the news" }).click();
    await page.waitForURL(url("/en/"));
    // The URL changes first; until the listing replaces it, "page not found"
    // is still the main heading (from another language, a task later).
    await page.getByRole("main").getByRole("heading", { level: 1, name: "News", exact: true }).waitFor();
    await settled(page);
    assert.equal(await cardLinks(page).count(), 12);
  }));
}

test("the not-found view passes axe-core", () => withPage(env.browser, { allow: ["Failed to load resource"] }, async (page) => {
  await page.goto(url("/en/news/no-such-article"));
  await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
  assert.match(await page.title(), /^Page not found/);
  await assertAccessible(page, "not found");
  await screenshot(page, "not-found");
}));

test("a page number out of range or not a number says so", () => withPage(env.browser, { allow: ["Failed to load resource"] }, async (page) => {
  for (const query of ["?page=99", "?page=abc", "?page=0", "?page=-1", "?page=99999999999999999999"]) {
    await page.goto(url(`/en/${query}`));
    await page.getByText("There is no such page of news.").waitFor();
    assert.equal(await page.getByRole("link", { name: "Go to the first page" }).getAttribute("href"), "/en/");
    // A page number takes the path form; what names no page stays as followed (never "page/0").
    await settled(page);
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search,
      query === "?page=99" ? "/en/page/99" : `/en/${query}`, query);
  }
  await assertAccessible(page, "no such page");
}));

test("a server error shows 'could not load' with Retry, and Retry recovers", () => withPage(env.browser, { allow: ["Failed to load resource"] }, async (page) => {
  let failing = true;
  await page.route("**/api/en/news/page-1.json", (route) =>
    failing ? route.fulfill({ status: 503, body: "busy" }) : route.continue());
  await page.goto(url("/en/"));
  const alert = page.getByRole("alert");
  await alert.getByRole("heading", { name: "Could not load this page" }).waitFor();
  assert.match(await alert.textContent(), /The server answered with error 503\./);
  await assertAccessible(page, "load error");
  await screenshot(page, "load-error");
  failing = false;
  await alert.getByRole("button", { name: "Retry" }).click();
  await cardLinks(page).first().waitFor();
  assert.equal(await cardLinks(page).count(), 12);
  assert.equal(await page.getByRole("alert").count(), 0);
}));

test("a network failure and invalid JSON give clear messages, never a blank page", () => withPage(env.browser, { allow: ["Failed to load resource"] }, async (page) => {
  await page.route("**/api/en/news/sms-icmpd-cooperation.json", (route) => route.abort("connectionrefused"));
  await page.route("**/api/en/pages/terms.json", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: '{"title": "Terms", ' }));
  await page.goto(url("/en/news/sms-icmpd-cooperation"));
  await page.getByRole("alert").getByText("The server could not be reached.").waitFor();
  await page.goto(url("/en/terms"));
  const alert = page.getByRole("alert");
  await alert.getByText("The data received is not valid.").waitFor();
  // The parser's own words stay visible for the web team, marked as English.
  assert.match(await alert.locator('code[lang="en"]').textContent(), /EOF while parsing/);
  assert.equal(await page.getByRole("banner").count(), 1);
}));

test("a view seen a moment ago comes back at once, without a request; bad data is fetched again on Retry", () => withPage(env.browser, { allow: ["Failed to load resource"] }, async (page) => {
  const requests = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith("/api/")) requests.push(path);
  });
  await page.goto(url("/en/"));
  await settled(page);
  const title = await cardLinks(page).first().textContent();
  await cardLinks(page).first().click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await page.goBack();
  await cardLinks(page).first().waitFor();
  const seen = requests.length;
  await cardLinks(page).first().click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  assert.equal(await page.locator(".skeleton").count(), 0, "no skeleton for an article just read");
  await page.goBack();
  await cardLinks(page).first().waitFor();
  assert.deepEqual(requests.slice(seen), [], "the article and the listing came back without a request");

  // A document that did not decode is not kept: Retry asks the server again.
  let broken = true;
  await page.route("**/api/en/pages/privacy.json", (route) => broken
    ? route.fulfill({ status: 200, contentType: "application/json", body: '{"title": ' })
    : route.continue());
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy Policy" }).click();
  const alert = page.getByRole("alert");
  await alert.getByText("The data received is not valid.").waitFor();
  broken = false;
  await alert.getByRole("button", { name: "Retry" }).click();
  await page.getByRole("heading", { level: 1, name: "Privacy Policy" }).waitFor();
}));

test("the previous page stays on screen while the next one loads", () => withPage(env.browser, async (page) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route("**/api/en/news/page-2.json", async (route) => { await held; await route.continue(); });
  await page.goto(url("/en/"));
  await settled(page);
  await page.getByRole("link", { name: "Page 2" }).click();
  await page.waitForURL(url("/en/page/2"));
  await page.waitForTimeout(300);
  assert.equal(await cardLinks(page).count(), 12, "old cards still shown");
  assert.equal(await page.locator(".skeleton").count(), 0, "no skeleton flash");
  release();
  await page.getByText("Page 2 of 3").waitFor();
}));

test("keyboard: the skip link is first and moves focus to the main content", () => withPage(env.browser, async (page) => {
  await page.goto(url("/en/"));
  await settled(page);
  await page.keyboard.press("Tab");
  const focused = page.locator(":focus");
  assert.equal(await focused.textContent(), "Skip to main content");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "main-content");
  await page.keyboard.press("Tab");
  assert.match(await page.locator(":focus").textContent(), /\S/, "next Tab lands inside main");
  assert.ok(await page.locator(":focus").evaluate((el) => el.closest("main") !== null));
}));

test("on a phone the listing is one column and nothing overflows sideways", () => withPage(env.browser, { viewport: { width: 375, height: 740 } }, async (page) => {
  await page.goto(url("/en/"));
  await settled(page);
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(widths[0] <= widths[1], `page is ${widths[0]}px wide in a ${widths[1]}px window`);
  const [first, second] = await page.locator(".news-card").evaluateAll((cards) => cards.slice(0, 2).map((c) => c.getBoundingClientRect().left));
  assert.equal(first, second, "cards stack in one column");
  await assertAccessible(page, "listing on a phone");
  await screenshot(page, "listing-phone");
  await page.goto(url("/en/news/sms-icmpd-cooperation"));
  await settled(page);
  await screenshot(page, "article-phone");
}));

test("leaving a view aborts its request, and the new view is not replaced by the old answer", () => withPage(env.browser, async (page) => {
  let answer;
  const held = new Promise((resolve) => { answer = resolve; });
  await page.route("**/api/en/news/sms-icmpd-cooperation.json", async (route) => { await held; await route.continue().catch(() => {}); });
  const aborted = page.waitForEvent("requestfailed", (request) => request.url().endsWith("/sms-icmpd-cooperation.json"));
  // Reached by a link: the first view's own documents are preloaded by boot.js,
  // and a preload, once started, belongs to the page, not to the view.
  await page.goto(url("/en/page/2"));
  await settled(page);
  await page.locator('a[href$="/en/news/sms-icmpd-cooperation"]').click();
  await page.locator(".skeleton").waitFor();
  await page.getByRole("banner").getByRole("link", { name: "News" }).click();
  const request = await aborted;
  assert.match(request.failure().errorText, /ABORTED/i);
  await settled(page);
  answer();
  await page.waitForTimeout(300);
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "News");
  assert.equal(await cardLinks(page).count(), 12);
}));
