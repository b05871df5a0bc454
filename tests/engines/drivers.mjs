// Firefox ESR and WebKitGTK through W3C WebDriver (selenium-webdriver as the
// client): Debian's browsers, each with its own driver process started here on
// a free loopback port, so that no tool is ever downloaded. WebKitGTK's
// MiniBrowser needs a display: its driver runs under xvfb-run.
import { spawn } from "node:child_process";
import { homedir } from "node:os";
import { join } from "node:path";
import { Builder } from "selenium-webdriver";
import { freePort } from "../e2e/harness.mjs";

const GECKODRIVER = process.env.GECKODRIVER ?? join(homedir(), ".cargo", "bin", "geckodriver");

/** The engines the walks run in, each with how to start its driver and what to ask it for. */
export const ENGINES = {
  firefox: {
    name: "Firefox ESR",
    driver: (port) => [GECKODRIVER, ["--host", "127.0.0.1", "--port", String(port)]],
    capabilities: {
      browserName: "firefox",
      "moz:firefoxOptions": { binary: "/usr/bin/firefox-esr", args: ["-headless"], prefs: { "intl.accept_languages": "en-US" } },
    },
  },
  webkit: {
    name: "WebKitGTK",
    driver: (port) => ["xvfb-run", ["--auto-servernum", "/usr/bin/WebKitWebDriver", `--port=${port}`]],
    capabilities: {
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": {
        binary: "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
        args: ["--automation"],
      },
    },
  },
};

/**
 * Starts `engine`'s driver and a browser session in it. Resolves to
 * { driver, quit }: `driver` is a selenium WebDriver, `quit` ends the session
 * and the driver process.
 */
export async function startEngine(engine) {
  const port = await freePort();
  const [command, args] = ENGINES[engine].driver(port);
  const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], detached: true });
  let stderr = "";
  child.stderr.on("data", (chunk) => { stderr += chunk; });
  const server = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      const status = await fetch(`${server}/status`);
      if (status.ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 150 || child.exitCode !== null) {
      throw new Error(`${ENGINES[engine].name}: the driver did not start: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const driver = await new Builder().usingServer(server).withCapabilities(ENGINES[engine].capabilities).build();
  const quit = async () => {
    await driver.quit().catch(() => {});
    try { process.kill(-child.pid, "SIGTERM"); } catch { /* already gone */ }
  };
  return { driver, quit };
}
