// The publishing side's one command, `news-publish` (publish/; built by
// `cargo build --profile host -p news-publish`, as scripts/test and bench/run
// do), for the end-to-end tests and the benchmark.
import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Its path: `NEWS_PUBLISH` in the environment, or the host profile's build. */
export const NEWS_PUBLISH = process.env.NEWS_PUBLISH ?? join(ROOT, "target", "host", "news-publish");

/**
 * Runs `news-publish COMMAND ARGS…` (`prerender`, `publish`, `check-api`,
 * `build-api`); resolves to `{ stdout, stderr }`, rejects if it fails.
 */
export function newsPublish(command, args, options = {}) {
  return promisify(execFile)(NEWS_PUBLISH, [command, ...args], { maxBuffer: 256 << 20, ...options });
}
