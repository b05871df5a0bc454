// Short names for what the wasm imports from its JS glue and exports to it.
//
// wasm-bindgen names every import after the browser API it binds plus a
// 16-digit hash (`__wbg_baseURI_91b3569776be0d42`) and every closure shim
// export after its full Rust type (up to ~300 characters). Each name is
// written twice, in the wasm's import or export section and in the glue, and
// the hashes do not compress: ~190 imports cost about 5 KB of the first
// view's brotli bytes. Here each import becomes `a`, `b`, … `aB`, … and each
// export the glue calls (`wasm.NAME`) the same, in both files at once.
// scripts/post-build.mjs runs it on release builds, before the glue is
// minified; tests/wasm-names.test.mjs checks it on a module built by hand.
//
// Only names the glue spells in the one way wasm-bindgen writes them are
// changed (an import as an object key, written once; an export as
// `wasm.NAME`, never as another property or a string); anything else stops
// the build with the name that did not fit, rather than shipping a glue that
// no longer matches the wasm.

const IMPORT_SECTION = 2;
const EXPORT_SECTION = 7;

/** Reads an unsigned LEB128 number at `at`; returns [value, next offset]. */
function readUleb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error("wasm-names: the module ends inside a number");
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, at];
    shift += 7;
  }
}

/** An unsigned number as LEB128 bytes. */
function uleb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

const utf8 = new TextEncoder();
const text = new TextDecoder("utf-8", { fatal: true });

/** Reads a name (length + UTF-8) at `at`; returns [name, next offset]. */
function readName(bytes, at) {
  const [length, start] = readUleb(bytes, at);
  return [text.decode(bytes.subarray(start, start + length)), start + length];
}

const name = (value) => [...uleb(utf8.encode(value).length), ...utf8.encode(value)];

/** The offset after a table's or memory's limits at `at`. */
function skipLimits(bytes, at) {
  const flags = bytes[at];
  let next = readUleb(bytes, at + 1)[1];
  if (flags & 1) next = readUleb(bytes, next)[1];
  return next;
}

/** The offset after an import's description (its kind byte at `at`). */
function skipImportDescription(bytes, at) {
  switch (bytes[at]) {
    case 0x00: // function: type index
      return readUleb(bytes, at + 1)[1];
    case 0x01: // table: element type, limits
      return skipLimits(bytes, at + 2);
    case 0x02: // memory: limits
      return skipLimits(bytes, at + 1);
    case 0x03: // global: value type, mutability
      return at + 3;
    case 0x04: // tag: attribute, type index
      return readUleb(bytes, at + 2)[1];
    default:
      throw new Error(`wasm-names: unknown import kind ${bytes[at]}`);
  }
}

/** The module's sections: [{ id, start, end }] of their contents. */
function sections(bytes) {
  const magic = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  if (!magic.every((byte, i) => bytes[i] === byte)) throw new Error("wasm-names: not a wasm module (version 1)");
  const found = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readUleb(bytes, at + 1);
    found.push({ id, header: at, start, end: start + size });
    at = start + size;
  }
  if (at !== bytes.length) throw new Error("wasm-names: the last section runs past the end");
  return found;
}

const RESERVED = new Set(["do", "if", "in"]);
const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Short identifiers in order: a … Z, aa, ab, … (never a keyword). */
function* shortNames() {
  for (let length = 1; ; length++) {
    const count = LETTERS.length ** length;
    for (let n = 0; n < count; n++) {
      let id = "";
      for (let rest = n, i = 0; i < length; i++, rest = Math.floor(rest / LETTERS.length)) {
        id = LETTERS[rest % LETTERS.length] + id;
      }
      if (!RESERVED.has(id)) yield id;
    }
  }
}

const escape = (value) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Every place `identifier` stands as a whole identifier in JS source. */
const wholeWord = (identifier) => new RegExp(`(?<![\\w$])${escape(identifier)}(?![\\w$])`, "g");
const count = (source, pattern) => (source.match(pattern) ?? []).length;

/**
 * Renames the imports and exports of `wasm` (a Uint8Array) and their uses in
 * `glue` (wasm-bindgen's JS, unminified). Returns the new `wasm` and `glue`
 * and how many names changed.
 */
export function shortenNames(wasm, glue) {
  const bytes = wasm instanceof Uint8Array ? wasm : new Uint8Array(wasm);
  const newImports = shortNames();
  const newExports = shortNames();
  let imports = 0;
  let exports = 0;

  const rewriteImports = (section) => {
    let [total, at] = readUleb(bytes, section.start);
    const out = [...uleb(total)];
    for (; total > 0; total--) {
      const [module, afterModule] = readName(bytes, at);
      const [field, afterField] = readName(bytes, afterModule);
      const end = skipImportDescription(bytes, afterField);
      const uses = count(glue, wholeWord(field));
      const asKey = count(glue, new RegExp(`(?<![\\w$])${escape(field)}(?=\\s*:)`, "g"));
      if (uses !== 1 || asKey !== 1) {
        throw new Error(`wasm-names: the glue names the import ${field} ${uses} times (${asKey} as a key); expected once, as a key`);
      }
      const short = newImports.next().value;
      glue = glue.replace(wholeWord(field), short);
      imports++;
      out.push(...name(module), ...name(short), ...bytes.subarray(afterField, end));
      at = end;
    }
    if (at !== section.end) throw new Error("wasm-names: the import section has bytes after its last import");
    return out;
  };

  const rewriteExports = (section) => {
    let [total, at] = readUleb(bytes, section.start);
    const out = [...uleb(total)];
    // A short name an export already bears is skipped: two exports of one name are no module.
    const taken = new Set();
    for (let n = 0, next = at; n < total; n++) {
      const [field, afterField] = readName(bytes, next);
      taken.add(field);
      next = readUleb(bytes, afterField + 1)[1];
    }
    for (; total > 0; total--) {
      const [field, afterField] = readName(bytes, at);
      const kindAndIndex = bytes.subarray(afterField, readUleb(bytes, afterField + 1)[1]);
      at = afterField + kindAndIndex.length;
      const called = new RegExp(`(?<![\\w$])wasm\\.${escape(field)}(?![\\w$])`, "g");
      // As a property or a string anywhere else (`instance.exports.NAME`,
      // `wasm["NAME"]`) it would no longer be found. The glue's own wrapper
      // functions share some of these names; those are its own bindings.
      const reached = new RegExp(`(?<=[.'"\`])${escape(field)}(?![\\w$])`, "g");
      if (count(glue, reached) !== count(glue, called)) {
        throw new Error(`wasm-names: the glue names the export ${field} other than as wasm.${field}`);
      }
      let short;
      do short = newExports.next().value; while (taken.has(short));
      glue = glue.replace(called, `wasm.${short}`);
      exports++;
      out.push(...name(short), ...kindAndIndex);
    }
    if (at !== section.end) throw new Error("wasm-names: the export section has bytes after its last export");
    return out;
  };

  const wasmOut = rebuild(bytes, { [IMPORT_SECTION]: rewriteImports, [EXPORT_SECTION]: rewriteExports });
  return { wasm: wasmOut, glue, imports, exports };
}

/**
 * The module with the sections `rewrites` names (id -> section -> new
 * contents) replaced and every other section as it was.
 */
function rebuild(bytes, rewrites) {
  const parts = [bytes.subarray(0, 8)];
  for (const section of sections(bytes)) {
    const rewrite = rewrites[section.id];
    if (!rewrite) {
      parts.push(bytes.subarray(section.header, section.end));
      continue;
    }
    const contents = rewrite(section);
    parts.push(Uint8Array.from([section.id, ...uleb(contents.length), ...contents]));
  }
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}

/**
 * `wasm` without the exports whose names match `unused`, so that wasm-opt
 * can drop the code only they reach. Returns the new `wasm` and the names
 * removed; fails when none matched (the list is stale: remove it).
 */
export function withoutExports(wasm, unused) {
  const bytes = wasm instanceof Uint8Array ? wasm : new Uint8Array(wasm);
  const removed = [];
  const keep = (section) => {
    let [total, at] = readUleb(bytes, section.start);
    const kept = [];
    for (; total > 0; total--) {
      const [field, afterField] = readName(bytes, at);
      const end = readUleb(bytes, afterField + 1)[1];
      if (unused.test(field)) removed.push(field);
      else kept.push(bytes.subarray(at, end));
      at = end;
    }
    return [...uleb(kept.length), ...kept.flatMap((entry) => [...entry])];
  };
  const result = rebuild(bytes, { [EXPORT_SECTION]: keep });
  if (removed.length === 0) throw new Error(`wasm-names: no export matches ${unused}`);
  return { wasm: result, removed };
}

/**
 * The glue with `classes` and `functions` no longer exported, for the minifier
 * to drop them and what only they use: the classes whose wasm exports
 * [`withoutExports`] removed, functions nothing imports. A class also loses the
 * line that gives it a `Symbol.dispose`, and its `FinalizationRegistry` is
 * marked pure. Fails when the glue does not write one of them the way
 * wasm-bindgen does.
 */
export function unexported(glue, { classes = [], functions = [] }) {
  const edits = classes.flatMap((name) => [
    [new RegExp(`^export class ${escape(name)} \\{$`, "m"), `class ${name} {`],
    [new RegExp(`^if \\(Symbol\\.dispose\\) ${escape(name)}\\.prototype\\[Symbol\\.dispose\\] = ${escape(name)}\\.prototype\\.free;\\n`, "m"), ""],
    [new RegExp(`^(const ${escape(name)}Finalization = [^;]*?: )new FinalizationRegistry\\(`, "m"), "$1/*@__PURE__*/ new FinalizationRegistry("],
  ]);
  for (const name of functions) {
    edits.push([new RegExp(`^(export \\{.*?)(?<=[{,] )${escape(name)}, `, "m"), "$1"]);
  }
  for (const [pattern, replacement] of edits) {
    if (!pattern.test(glue)) throw new Error(`wasm-names: the glue is not written as expected: no match for ${pattern}`);
    glue = glue.replace(pattern, replacement);
  }
  return glue;
}

/**
 * The glue without the functions it offers the wasm as imports that the wasm
 * no longer imports (wasm-opt removed them with the code that called them,
 * after [`withoutExports`]), and so, once minified, without what only they
 * use. Each is written as wasm-bindgen writes them: `        NAME: function(…) {`
 * up to the next line `        },` at the same depth; fails otherwise.
 * Returns the new `glue` and the names removed.
 */
export function withoutUnimported(wasm, glue) {
  const bytes = wasm instanceof Uint8Array ? wasm : new Uint8Array(wasm);
  const imported = new Set();
  const section = sections(bytes).find((s) => s.id === IMPORT_SECTION);
  if (section) {
    let [total, at] = readUleb(bytes, section.start);
    for (; total > 0; total--) {
      const afterModule = readName(bytes, at)[1];
      const [field, afterField] = readName(bytes, afterModule);
      imported.add(field);
      at = skipImportDescription(bytes, afterField);
    }
  }
  const offered = [...glue.matchAll(/^ {8}([\w$]+): function\(/gm)].map((match) => match[1]);
  const removed = offered.filter((key) => !imported.has(key));
  for (const key of removed) {
    const entry = new RegExp(`^ {8}${escape(key)}: function\\([^)]*\\) \\{\\n(?:.*\\n)*?^ {8}\\},?\\n`, "gm");
    if (count(glue, entry) !== 1) throw new Error(`wasm-names: the glue's import ${key} is not written as expected`);
    glue = glue.replace(entry, "");
  }
  return { glue, removed };
}
