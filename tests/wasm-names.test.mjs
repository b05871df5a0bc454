// scripts/wasm-names.mjs on a module built here byte by byte: imports of
// every kind (function, memory, global, table) and exports, renamed in the
// wasm and the glue together; the renamed pair still links and runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { minify } from "terser";
import { shortenNames, unexported, withoutExports, withoutUnimported } from "../scripts/wasm-names.mjs";

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

/** An ES module glue in wasm-bindgen's layout: a class, its registry, an imports object, init. */
const MODULE_GLUE = `
export class Adapter {
    free() {
        AdapterFinalization.unregister(this);
        wasm.__wbg_adapter_free(this.__wbg_ptr, 0);
    }
}
if (Symbol.dispose) Adapter.prototype[Symbol.dispose] = Adapter.prototype.free;
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        ${DOUBLE}: function(arg0) {
            const ret = arg0 * 2;
            return ret;
        },
        __wbg_unused_0123456789abcdef: function(arg0, arg1) {
            const state = { a: arg0, b: arg1 };
            return onlyForUnused(state);
        },
    };
    return { "${MODULE}": import0 };
}
function onlyForUnused(state) { return "only for the unused import: " + state.a; }
const AdapterFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_adapter_free(ptr, 1));
let wasm;
function initSync(module) { console.warn("initSync is never called here"); return module; }
async function __wbg_init(module) { wasm = module; return __wbg_get_imports(); }
export { initSync, __wbg_init as default };
`;

const minified = async (glue) => (await minify(glue, { module: true, compress: { passes: 2 }, mangle: true })).code;

test("classes and functions no longer exported are gone once minified; the rest stays", async () => {
  const before = await minified(MODULE_GLUE);
  assert.match(before, /__wbg_adapter_free/);
  assert.match(before, /initSync is never called/);
  const after = await minified(unexported(MODULE_GLUE, { classes: ["Adapter"], functions: ["initSync"] }));
  assert.doesNotMatch(after, /__wbg_adapter_free|FinalizationRegistry|initSync/);
  assert.match(after, /export\{\w+ as default\}/);
  assert.match(after, new RegExp(DOUBLE));
  assert.throws(() => unexported(MODULE_GLUE, { classes: ["Missing"] }), /not written as expected/);
  assert.throws(() => unexported(MODULE_GLUE, { functions: ["missing"] }), /not written as expected/);
});

test("imports the wasm does not import leave the glue, with what only they use", async () => {
  // module() imports DOUBLE, MEMORY, OFFSET and TABLE; the glue offers DOUBLE and one more.
  const { glue, removed } = withoutUnimported(module(), MODULE_GLUE);
  assert.deepEqual(removed, ["__wbg_unused_0123456789abcdef"]);
  assert.match(glue, new RegExp(`${DOUBLE}: function`));
  const code = await minified(glue);
  assert.doesNotMatch(code, /__wbg_unused|only for the unused import/);
  const broken = MODULE_GLUE.replace("            return onlyForUnused(state);\n        },", "            return onlyForUnused(state); },");
  assert.throws(() => withoutUnimported(module(), broken), /not written as expected/);
});
