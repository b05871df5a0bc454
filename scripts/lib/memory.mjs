// Memory figures of a page, through the Chrome DevTools Protocol: shared by
// tests/e2e/memory.test.mjs and the benchmark (bench/bench.mjs).

/** The bytes of the page's wasm linear memory (it only grows, so it is the high-water mark). */
export async function wasmBytes(cdp) {
  const { result: proto } = await cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
  const { objects } = await cdp.send("Runtime.queryObjects", { prototypeObjectId: proto.objectId });
  const { result } = await cdp.send("Runtime.callFunctionOn", {
    objectId: objects.objectId, returnByValue: true,
    functionDeclaration: "function () { return this.reduce((sum, memory) => sum + memory.buffer.byteLength, 0); }",
  });
  return result.value;
}

/** JavaScript values a heap snapshot counts, by kind: what a leak on the JS side would add to. */
const JS_VALUES = ["object", "closure", "array", "string", "concatenated string", "sliced string", "regexp", "symbol"];
/**
 * How many of each of JS_VALUES the page's heap holds, after a collection (a
 * heap snapshot), and `bytes`, their own sizes together: the heap without the
 * engine's compiled code and its other bookkeeping, which grow as more
 * functions get optimised and are no leak.
 */
export async function heapValues(cdp) {
  const chunks = [];
  const collect = (event) => chunks.push(event.chunk);
  cdp.on("HeapProfiler.addHeapSnapshotChunk", collect);
  await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false }); // collects garbage first
  cdp.off("HeapProfiler.addHeapSnapshotChunk", collect);
  const { snapshot, nodes } = JSON.parse(chunks.join(""));
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[fields.indexOf("type")];
  const [type, size] = [fields.indexOf("type"), fields.indexOf("self_size")];
  const counts = Object.fromEntries(JS_VALUES.map((kind) => [kind, 0]));
  let bytes = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    const kind = types[nodes[i + type]];
    if (kind in counts) {
      counts[kind] += 1;
      bytes += nodes[i + size];
    }
  }
  return { counts, bytes };
}

/** How many of each of JS_VALUES the page's heap holds ([`heapValues`]'s counts). */
export const jsValues = async (cdp) => (await heapValues(cdp)).counts;

/** All the values of a `jsValues` count. */
export const total = (counts) => Object.values(counts).reduce((sum, count) => sum + count, 0);
