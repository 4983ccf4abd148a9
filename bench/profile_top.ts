/**
 * The top entries of a V8 CPU profile (`deno run --cpu-prof`): self time per
 * function (name, file:line), as a share of the samples. Usage:
 *
 *   deno run --allow-read bench/profile_top.ts PROFILE.cpuprofile [N]
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
}

/** Self-time shares by function, largest first. */
export function topEntries(p: Profile, n: number): { share: number; where: string }[] {
  const hits = new Map<number, number>();
  if (p.samples) { for (const id of p.samples) hits.set(id, (hits.get(id) ?? 0) + 1); }
  const byFn = new Map<string, number>();
  let total = 0;
  for (const node of p.nodes) {
    const h = p.samples ? hits.get(node.id) ?? 0 : node.hitCount ?? 0;
    if (h === 0) continue;
    const f = node.callFrame;
    const file = f.url.replace(
      /^file:\/\/.*\/registry\.npmjs\.org\/([^/]+)\/([^/]+)\//,
      "npm:$1@$2/",
    )
      .replace(/^file:\/\/.*?\/(src|tui|cli|bench)\//, "$1/");
    const where = `${f.functionName || "(anonymous)"} ${file ? `${file}:${f.lineNumber + 1}` : ""}`
      .trim();
    byFn.set(where, (byFn.get(where) ?? 0) + h);
    total += h;
  }
  return [...byFn].sort((a, b) => b[1] - a[1]).slice(0, n).map(([where, h]) => ({
    share: h / total,
    where,
  }));
}

if (import.meta.main) {
  const [file, count] = Deno.args;
  if (!file) {
    console.error("usage: deno run --allow-read bench/profile_top.ts PROFILE.cpuprofile [N]");
    Deno.exit(2);
  }
  const profile = JSON.parse(Deno.readTextFileSync(file)) as Profile;
  for (const e of topEntries(profile, Number(count ?? 12))) {
    console.log(`${(e.share * 100).toFixed(1).padStart(5)}%  ${e.where}`);
  }
}
