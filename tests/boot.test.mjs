// Unit test of the loader's pure part (public/boot.js): for every location of
// the shared fixture, it names exactly the documents the route table
// (src/core/routes.rs, whose host test reads the same file) says the first view
// needs, so that a preload is never wasted and never missing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { firstViewDocuments } from "../public/boot.js";

const { cases } = JSON.parse(await readFile(new URL("routes.json", import.meta.url), "utf8"));

test("the fixture is not empty", () => assert.ok(cases.length >= 20));

for (const { why, base, path, search, documents } of cases) {
  test(`${why}: ${path}${search} under ${base}`, () => {
    assert.deepEqual(firstViewDocuments(path, search, base), documents);
  });
}
