// Shared set-up for the end-to-end tests: the release bundle served from dist/,
// Debian's headless Chromium, console-error capture and axe-core checks.
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import assert from "node:assert/strict";
import { serve } from "./server.mjs";

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = join(ROOT, "dist");
export const SHOTS = join(ROOT, "target", "screenshots");
const AXE = require.resolve("axe-core/axe.min.js");

const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** Starts the server (for `root`, under `prefix`) and the browser, once per test file. */
export async function start({ root = DIST, prefix = "/" } = {}) {
  const server = await serve(root, { prefix });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  await mkdir(SHOTS, { recursive: true });
  return { server, browser, stop: async () => { await browser.close(); await server.close(); } };
}

/**
 * A fresh page that records console errors and uncaught exceptions (a Rust
 * panic surfaces as both). `allow` lists substrings of console errors a test
 * provokes on purpose, such as the browser's "Failed to load resource" for a 404.
 * `locale` sets the browser's language (navigator.languages, Accept-Language).
 */
export async function openPage(browser, { viewport = { width: 1280, height: 900 }, allow = [], locale = "en-US" } = {}) {
  const context = await browser.newContext({ viewport, locale });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (!allow.some((pattern) => text.includes(pattern))) problems.push(`console error: ${text}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.assertClean = () => assert.deepEqual(problems, [], "the page logged errors");
  page.close = ((close) => async () => { await close(); await context.close(); })(page.close.bind(page));
  return page;
}

/** Waits until the app has rendered a view: a main heading and no skeleton. */
export async function settled(page) {
  await page.locator("main h1").first().waitFor();
  await page.locator(".skeleton").waitFor({ state: "detached" });
}

/** Runs axe-core on the page and fails with a readable list of violations. */
export async function assertAccessible(page, label) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  assert.deepEqual(violations, [], `axe-core violations on ${label}`);
}

/** Saves a screenshot under target/screenshots/. */
export async function screenshot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
