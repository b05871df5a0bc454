import { chromium } from "playwright-core";
import { serve } from "../tests/e2e/server.mjs";
const srv = await serve(process.env.DIST ?? "/tmp/dist-prof", { cdn: true });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const context = await browser.newContext();
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
const MARK = "news-portal:view";
const count = () => page.evaluate((m) => performance.getEntriesByName(m).length, MARK);
async function mem() {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const { result: proto } = await cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
  const { objects } = await cdp.send("Runtime.queryObjects", { prototypeObjectId: proto.objectId });
  const { result } = await cdp.send("Runtime.callFunctionOn", { objectId: objects.objectId, returnByValue: true, functionDeclaration: "function () { return this.reduce((s, m) => s + m.buffer.byteLength, 0); }" });
  return `heap ${(usedSize/1024).toFixed(0)} KiB wasm ${(result.value/1024).toFixed(0)} KiB nodes ${await page.evaluate(() => document.getElementsByTagName("*").length)}`;
}
const [start, a, b] = process.argv.slice(2);
await page.goto(srv.url + start);
await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARK);
for (let i = 1; i <= 300; i++) {
  const n = await count();
  await page.evaluate((sel) => document.querySelector(sel).click(), i % 2 ? a : b);
  await page.waitForFunction(([m, n]) => performance.getEntriesByName(m).length > n, [MARK, n]);
  if ([10, 300].includes(i)) console.log(i, await mem());
}
await browser.close(); await srv.close();
