/** src/workloads/params.ts: parameter specs, validation of given values, content mixes. */
import assert from "node:assert/strict";
import {
  defaultsOf,
  docsOf,
  PAGE_CACHE_PARAMS,
  type ParamSpecs,
  parseMix,
  pickClass,
  resolveParams,
  strideFor,
} from "../../src/workloads/params.ts";
import { SimError } from "../../src/errors.ts";

const SPECS = {
  rate: { kind: "int", default: 10, min: 0, max: 100, doc: "ops per tick" },
  skew: { kind: "number", default: 0.5, min: 0, max: 4, doc: "Zipf skew" },
  mix: { kind: "mix", default: "text:1", doc: "content classes" },
  fs: { kind: "names", default: "", doc: "filesystems" },
  dir: { kind: "path", default: "", doc: "a directory" },
} as const satisfies ParamSpecs;

function refused(f: () => unknown, message: string | RegExp): void {
  assert.throws(f, (e) => {
    assert.ok(e instanceof SimError, String(e));
    if (typeof message === "string") assert.equal(e.message, message);
    else assert.match(e.message, message);
    return true;
  });
}

Deno.test("resolveParams: the defaults, with the given values over them", () => {
  assert.deepEqual(resolveParams("pagecache", SPECS, {}), {
    rate: 10,
    skew: 0.5,
    mix: "text:1",
    fs: "",
    dir: "",
  });
  assert.deepEqual(
    resolveParams("pagecache", SPECS, { rate: "30", skew: 2, mix: "zero:1,heap:3", fs: "a,b.c" }),
    { rate: 30, skew: 2, mix: "zero:1,heap:3", fs: "a,b.c", dir: "" },
  );
  assert.equal(resolveParams("files", SPECS, { dir: "/any thing" }).dir, "/any thing");
});

Deno.test("resolveParams: unknown keys and bad values refused, naming the workload and parameter", () => {
  refused(
    () => resolveParams("swap", SPECS, { frob: 1 }),
    "workload: swap has no parameter 'frob' (known: rate, skew, mix, fs, dir)",
  );
  refused(() => resolveParams("swap", SPECS, { toString: 1 }), /no parameter 'toString'/);
  refused(
    () => resolveParams("swap", SPECS, { rate: 1.5 }),
    "workload: swap rate must be a whole number",
  );
  refused(
    () => resolveParams("swap", SPECS, { rate: "ten" }),
    "workload: swap rate must be a whole number",
  );
  refused(
    () => resolveParams("swap", SPECS, { skew: "1e2" }),
    "workload: swap skew must be a number",
  );
  refused(() => resolveParams("swap", SPECS, { skew: Infinity }), /skew must be a number/);
  refused(
    () => resolveParams("swap", SPECS, { rate: 101 }),
    "workload: swap rate must be from 0 to 100",
  );
  refused(() => resolveParams("swap", SPECS, { rate: -1 }), /rate must be from 0 to 100/);
  refused(() => resolveParams("swap", SPECS, { skew: 4.5 }), /skew must be from 0 to 4/);
  refused(() => resolveParams("swap", SPECS, { mix: "text" }), /swap mix must look like text:50/);
  refused(
    () => resolveParams("swap", SPECS, { fs: "a,,b" }),
    "workload: swap fs must be a comma-separated list of names",
  );
  refused(() => resolveParams("swap", SPECS, { fs: "a b" }), /comma-separated/);
  // the bounds themselves are accepted
  assert.equal(resolveParams("swap", SPECS, { rate: 0 }).rate, 0);
  assert.equal(resolveParams("swap", SPECS, { rate: 100 }).rate, 100);
});

Deno.test("parseMix: classes with cumulative weights; bad forms, unknown and repeated classes refused", () => {
  assert.deepEqual(parseMix("text:50,records:25,zero:10"), {
    classes: ["text", "records", "zero"],
    cumulative: [50, 75, 85],
  });
  refused(() => parseMix("text:50,"), /mix must look like text:50,random:10 \(classes: /);
  refused(() => parseMix("text=5"), /must look like/);
  refused(() => parseMix("text:1234567"), /must look like/);
  refused(() => parseMix("bogus:5"), /mix: unknown content class 'bogus'/);
  refused(() => parseMix("text:1,text:2"), "workload: mix: class 'text' given twice");
  refused(
    () => parseMix("text:0,zero:0", "swap mix"),
    "workload: swap mix: the weights add up to zero",
  );
  assert.deepEqual(parseMix("text:0,zero:1").cumulative, [0, 1], "a zero weight is allowed");
});

Deno.test("pickClass: each class for its share of [0, 1); a zero weight is never picked", () => {
  const mix = parseMix("text:50,records:25,zero:0,heap:25");
  assert.equal(pickClass(mix, 0), "text");
  assert.equal(pickClass(mix, 0.4999), "text");
  assert.equal(pickClass(mix, 0.5), "records");
  assert.equal(pickClass(mix, 0.7499), "records");
  assert.equal(pickClass(mix, 0.75), "heap");
  assert.equal(pickClass(mix, 0.999999), "heap");
  const counts: Record<string, number> = {};
  for (let i = 0; i < 1000; i++) {
    const c = pickClass(mix, i / 1000);
    counts[c] = (counts[c] ?? 0) + 1;
  }
  assert.deepEqual(counts, { text: 500, records: 250, heap: 250 });
});

Deno.test("defaultsOf and docsOf: one entry per parameter; docs give default and numeric range", () => {
  assert.deepEqual(defaultsOf(SPECS), { rate: 10, skew: 0.5, mix: "text:1", fs: "", dir: "" });
  assert.deepEqual(docsOf(SPECS), {
    rate: "ops per tick (default 10, 0..100)",
    skew: "Zipf skew (default 0.5, 0..4)",
    mix: "content classes (default text:1)",
    fs: 'filesystems (default "")',
    dir: 'a directory (default "")',
  });
  assert.deepEqual(Object.keys(defaultsOf(PAGE_CACHE_PARAMS)), [
    "rate",
    "cache",
    "skew",
    "writes",
    "fs",
  ]);
  for (const spec of Object.values(PAGE_CACHE_PARAMS)) {
    if (spec.kind === "int" || spec.kind === "number") {
      assert.ok(spec.min <= spec.default && spec.default <= spec.max, spec.doc);
    }
  }
});

Deno.test("strideFor: an odd multiplier coprime with n, so i * stride % n visits every slot once", () => {
  assert.equal(strideFor(1), 1);
  assert.equal(strideFor(2), 1);
  for (const n of [3, 4, 10, 64, 97, 100, 1000, 1024, 4096, 30030]) {
    const s = strideFor(n);
    assert.equal(s % 2, 1, `odd for ${n}`);
    const seen = new Uint8Array(n);
    for (let i = 0; i < n; i++) seen[(i * s) % n]++;
    assert.ok(seen.every((x) => x === 1), `a permutation for n=${n} (stride ${s})`);
  }
});
