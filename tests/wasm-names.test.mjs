// scripts/wasm-names.mjs on a module built here byte by byte: imports of
// every kind (function, memory, global, table) and exports, renamed in the
// wasm and the glue together; the renamed pair still links and runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { shortenNames, withoutExports } from "../scripts/wasm-names.mjs";

const MODULE = "./m_bg.js";
const DOUBLE = "__wbg_double_0123456789abcdef";
const MEMORY = "__wbg_memory_fedcba9876543210";
const OFFSET = "__wbg_offset_00000000000000aa";
const TABLE = "__wbg_table_1111111111111111";
const RUN = "wasm_bindgen_f1d7d887694c14bd___convert__closures_____invoke___JsValue______true_";
const EXPORTED_MEMORY = "__wbindgen_memory";

const utf8 = (text) => [...new TextEncoder().encode(text)];
const name = (text) => [utf8(text).length, ...utf8(text)];
/** A section: its id, its size (unsigned LEB128), its contents. */
function section(id, contents) {
  const size = [];
  for (let rest = contents.length; ; rest >>= 7) {
    size.push(rest > 0x7f ? (rest & 0x7f) | 0x80 : rest);
    if (rest <= 0x7f) break;
  }
  return [id, ...size, ...contents];
}

/** (i32) -> i32: x -> double(x) + offset; exports it and the imported memory. */
function module({ memory = EXPORTED_MEMORY } = {}) {
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [0x01, 0x60, 0x01, 0x7f, 0x01, 0x7f]),
    ...section(2, [
      0x04,
      ...name(MODULE), ...name(DOUBLE), 0x00, 0x00,
      ...name(MODULE), ...name(MEMORY), 0x02, 0x01, 0x01, 0x02,
      ...name(MODULE), ...name(OFFSET), 0x03, 0x7f, 0x00,
      ...name(MODULE), ...name(TABLE), 0x01, 0x70, 0x00, 0x01,
    ]),
    ...section(3, [0x01, 0x00]),
    ...section(7, [0x02, ...name(RUN), 0x00, 0x01, ...name(memory), 0x02, 0x00]),
    ...section(10, [0x01, 0x09, 0x00, 0x20, 0x00, 0x10, 0x00, 0x23, 0x00, 0x6a, 0x0b]),
  ]);
}

/** A glue in wasm-bindgen's shape: the imports object, calls through `wasm.`. */
const GLUE = `
return {
  imports: {
    "${MODULE}": {
      ${DOUBLE}: function (x) { return x * 2; },
      ${MEMORY}: memory,
      ${OFFSET}: offset,
      ${TABLE}: table,
    },
  },
  // wasm-bindgen's wrappers may bear an export's name: their own binding.
  run(wasm, x) {
    function ${RUN}(y) { return wasm.${RUN}(y); }
    return ${RUN}(x);
  },
  pages(wasm) { return wasm.${EXPORTED_MEMORY}.buffer.byteLength / 65536; },
};`;

function link(glue) {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
  const offset = new WebAssembly.Global({ value: "i32", mutable: false }, 7);
  const table = new WebAssembly.Table({ element: "anyfunc", initial: 1 });
  return new Function("memory", "offset", "table", glue)(memory, offset, table);
}

test("the hand-built module runs with its own glue", () => {
  const glue = link(GLUE);
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(module()), glue.imports);
  assert.equal(glue.run(exports, 20), 47);
});

test("renamed imports and exports still link, in the wasm and the glue alike", () => {
  const renamed = shortenNames(module(), GLUE);
  assert.equal(renamed.imports, 4);
  assert.equal(renamed.exports, 2);
  assert.ok(WebAssembly.validate(renamed.wasm));
  const compiled = new WebAssembly.Module(renamed.wasm);
  assert.deepEqual(WebAssembly.Module.imports(compiled).map((i) => `${i.module} ${i.name} ${i.kind}`), [
    `${MODULE} a function`,
    `${MODULE} b memory`,
    `${MODULE} c global`,
    `${MODULE} d table`,
  ]);
  assert.deepEqual(WebAssembly.Module.exports(compiled).map((e) => e.name), ["a", "b"]);
  const glue = link(renamed.glue);
  const { exports } = new WebAssembly.Instance(compiled, glue.imports);
  assert.equal(glue.run(exports, 20), 47);
  assert.equal(glue.pages(exports), 1);
  assert.ok(!renamed.glue.includes(`wasm.${RUN}`));
  for (const old of [DOUBLE, MEMORY, OFFSET, TABLE, EXPORTED_MEMORY]) {
    assert.ok(!renamed.glue.includes(old), `${old} is gone from the glue`);
  }
  for (const old of [DOUBLE, MEMORY, OFFSET, TABLE, RUN, EXPORTED_MEMORY]) {
    assert.ok(!Buffer.from(renamed.wasm).includes(old), `${old} is gone from the wasm`);
  }
  assert.ok(renamed.wasm.length < module().length);
});

test("a short name an export already has is not given to another", () => {
  // Without the check the first export would become "a", and renaming the
  // second ("a" -> "b") would take the first one's calls along.
  const glue = GLUE.replace(`wasm.${EXPORTED_MEMORY}`, "wasm.a");
  const renamed = shortenNames(module({ memory: "a" }), glue);
  const compiled = new WebAssembly.Module(renamed.wasm);
  assert.deepEqual(WebAssembly.Module.exports(compiled).map((e) => e.name), ["b", "c"]);
  const linked = link(renamed.glue);
  const { exports } = new WebAssembly.Instance(compiled, linked.imports);
  assert.equal(linked.run(exports, 20), 47);
  assert.equal(linked.pages(exports), 1);
});

test("a glue that names an import anywhere but its key stops the rename", () => {
  const glue = GLUE.replace("run(wasm, x)", `${DOUBLE}() {}, run(wasm, x)`);
  assert.throws(() => shortenNames(module(), glue), new RegExp(`import ${DOUBLE} 2 times`));
});

test("a glue that reaches an export other than through wasm. stops the rename", () => {
  const glue = GLUE.replace("pages(wasm) {", `pages(wasm) { wasm["${RUN}"];`);
  assert.throws(() => shortenNames(module(), glue), new RegExp(`export ${RUN} other than`));
});

test("exports matching a pattern are removed; the rest still link and run", () => {
  const { wasm, removed } = withoutExports(module(), /^__wbindgen_mem/);
  assert.deepEqual(removed, [EXPORTED_MEMORY]);
  const compiled = new WebAssembly.Module(wasm);
  assert.deepEqual(WebAssembly.Module.exports(compiled).map((e) => e.name), [RUN]);
  const glue = link(GLUE);
  assert.equal(glue.run(new WebAssembly.Instance(compiled, glue.imports).exports, 1), 9);
  assert.throws(() => withoutExports(module(), /^intounderlying/), /no export matches/);
});

test("what is not a wasm module is refused", () => {
  assert.throws(() => shortenNames(new TextEncoder().encode("<!doctype html>"), GLUE), /not a wasm module/);
});
