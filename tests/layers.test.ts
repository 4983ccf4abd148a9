/**
 * The layers hold: parses the imports of src/, tui/, cli/ and mod.ts
 * (static, `export ... from`, dynamic `import()`, and `new URL(..., import.meta.url)`
 * worker entry points) and fails on any import cycle, on src/ importing from
 * tui/, cli/, bench/ or mod.ts, and on src/ using the runtime (Deno APIs,
 * Workers, the wall clock, timers, blocking waits): the core stays pure.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

function walk(dir: string, out: string[] = []): string[] {
  for (const e of Deno.readDirSync(ROOT + dir)) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory) walk(p, out);
    else if (/\.(ts|tsx)$/.test(e.name)) out.push(p);
  }
  return out;
}

const FILES = [...walk("src"), ...walk("tui"), ...walk("cli"), "mod.ts"].sort();

const IMPORT = new RegExp(
  [
    String.raw`(?:^|\n)\s*(?:import|export)\b[^"';]*?\bfrom\s*["']([^"']+)["']`,
    String.raw`(?:^|\n)\s*import\s*["']([^"']+)["']`,
    String.raw`\bimport\(\s*["']([^"']+)["']\s*\)`,
    String.raw`new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)`,
  ].join("|"),
  "g",
);

/**
 * The local files a source file imports (package imports left out); with
 * `spawns`, also the worker modules it starts (`new URL(..., import.meta.url)`).
 */
function importsOf(file: string, spawns: boolean): string[] {
  const text = Deno.readTextFileSync(ROOT + file);
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? (spawns ? m[4] : undefined);
    if (spec === undefined || !spec.startsWith(".")) continue;
    out.push(new URL(spec, new URL(file, "file:///")).pathname.slice(1));
  }
  return out;
}

/** Module imports: a cycle here is an import cycle. */
const IMPORTS = new Map(FILES.map((f) => [f, importsOf(f, false)]));
/** Imports and worker spawns (a worker runs in a module graph of its own). */
const GRAPH = new Map(FILES.map((f) => [f, importsOf(f, true)]));

Deno.test("the import parser finds the imports it should (self-check)", () => {
  assert.ok(GRAPH.get("mod.ts")!.includes("cli/main.ts"));
  assert.ok(GRAPH.get("mod.ts")!.includes("tui/mod.ts"), "dynamic import()");
  assert.ok(GRAPH.get("cli/compare_workers.ts")!.includes("cli/compare_worker.ts"), "worker URL");
  assert.ok(GRAPH.get("src/command/session.ts")!.includes("src/command/spec.ts"), "import type");
  for (const [f, deps] of GRAPH) {
    for (const d of deps) assert.ok(GRAPH.has(d) || d.startsWith("bench/"), `${f} -> ${d}`);
  }
});

Deno.test("no import cycles in src/, tui/, cli/ and mod.ts (type imports included)", () => {
  // Tarjan's strongly connected components.
  let index = 0;
  const idx = new Map<string, number>(), low = new Map<string, number>();
  const stack: string[] = [], on = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of IMPORTS.get(v) ?? []) {
      if (!IMPORTS.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || IMPORTS.get(v)!.includes(v)) cycles.push(scc.sort());
    }
  };
  for (const f of FILES) if (!idx.has(f)) visit(f);
  assert.deepEqual(cycles, [], `import cycles:\n${cycles.map((c) => c.join(" <-> ")).join("\n")}`);
});

Deno.test("src/ imports nothing from tui/, cli/, bench/ or mod.ts", () => {
  const bad: string[] = [];
  for (const [f, deps] of GRAPH) {
    if (!f.startsWith("src/")) continue;
    for (const d of deps) if (!d.startsWith("src/")) bad.push(`${f} -> ${d}`);
  }
  assert.deepEqual(bad, []);
});

/** Runtime APIs the pure core must not use (comments are stripped first). */
const RUNTIME =
  /\bDeno\.|\bnew Worker\(|\bAtomics\.wait|\bDate\.now\(|\bnew Date\(|\bperformance\.now\(|\bset(Timeout|Interval)\(|\bself\.postMessage|\bprocess\.|\bnode:(fs|child_process|worker_threads)/;

function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

Deno.test("src/ uses no runtime: no Deno API, workers, wall clock, timers or blocking waits", () => {
  const bad: string[] = [];
  for (const f of FILES) {
    if (!f.startsWith("src/")) continue;
    const m = RUNTIME.exec(code(Deno.readTextFileSync(ROOT + f)));
    if (m) bad.push(`${f}: ${m[0]}`);
  }
  assert.deepEqual(bad, []);
});

Deno.test("the layer test sees every source file", () => {
  assert.ok(FILES.length > 40, `${FILES.length} files`);
  for (const dir of ["src/command/", "src/backends/", "tui/", "cli/"]) {
    assert.ok(FILES.some((f) => f.startsWith(dir)), dir);
  }
});
