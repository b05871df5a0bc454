// How the tests and the benchmark start Debian's Chromium: headless as root
// (no sandbox), without the background traffic that would add noise. A module
// of its own so that the benchmark does not load node:test with the harness.
export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];
