/** The edge's file reader for `files`/`swap source=`: scope, budget, order, errors. */
import assert from "node:assert/strict";
import { readSourceFiles } from "../../cli/files.ts";
import { SimError } from "../../src/errors.ts";

/** A tree under a temp folder (removed with `remove(dir)`), with links to a sibling folder. */
async function tree(): Promise<string> {
  const dir = `${await Deno.makeTempDir()}/tree`;
  await Deno.mkdir(`${dir}/sub/deeper`, { recursive: true });
  const put = (p: string, n: number) =>
    Deno.writeFile(`${dir}/${p}`, Uint8Array.from({ length: n }, (_, i) => (i + p.length) & 0xff));
  await put("a.txt", 3000);
  await put("sub/b.bin", 10000);
  await put("sub/deeper/c", 500);
  await put("empty", 0);
  const outside = `${dir}/../outside`;
  await Deno.mkdir(outside);
  await Deno.writeFile(`${outside}/secret`, new Uint8Array(999).fill(7));
  await Deno.symlink(`${outside}/secret`, `${dir}/link-to-file`);
  await Deno.symlink(outside, `${dir}/link-to-dir`);
  return dir;
}

const remove = (dir: string) => Deno.remove(`${dir}/..`, { recursive: true });

Deno.test("file reader: regular files under PATH only, in a fixed order, links not followed", async () => {
  const dir = await tree();
  try {
    const files = readSourceFiles(dir, 1 << 20, 1 << 20);
    assert.deepEqual(files.map((f) => f.path).sort(), ["a.txt", "sub/b.bin", "sub/deeper/c"]);
    assert.deepEqual(
      files.find((f) => f.path === "a.txt")!.bytes,
      await Deno.readFile(`${dir}/a.txt`),
    );
    assert.deepEqual(readSourceFiles(dir + "/", 1 << 20, 1 << 20), files, "same files, same order");
  } finally {
    await remove(dir);
  }
});

Deno.test("file reader: the byte budget and the per-file cap hold", async () => {
  const dir = await tree();
  try {
    const capped = readSourceFiles(dir, 1 << 20, 1000);
    assert.ok(capped.every((f) => f.bytes.length <= 1000));
    const total = (b: number) =>
      readSourceFiles(dir, b, 1 << 20).reduce((n, f) => n + f.bytes.length, 0);
    assert.equal(total(4000), 4000);
    assert.equal(total(1 << 20), 13500);
    const one = readSourceFiles(`${dir}/sub/b.bin`, 4096, 1 << 20);
    assert.deepEqual(one.map((f) => [f.path, f.bytes.length]), [["b.bin", 4096]]);
  } finally {
    await remove(dir);
  }
});

Deno.test("file reader: a path that cannot be read is a one-line SimError", async () => {
  const dir = await Deno.makeTempDir();
  try {
    assert.throws(
      () => readSourceFiles(`${dir}/nope`, 100, 100),
      (e) => e instanceof SimError && /nope: no such file or directory$/.test(e.message),
    );
    assert.throws(() => readSourceFiles(dir, 100, 100), /no readable bytes/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("file reader: a scoped --allow-read=PATH is enough", async () => {
  const dir = await tree();
  try {
    const code = `import { readSourceFiles } from "${new URL(
      "../../cli/files.ts",
      import.meta.url,
    )}";
      console.log(readSourceFiles(${JSON.stringify(dir)}, 1 << 20, 1 << 20).length);`;
    const o = await new Deno.Command(Deno.execPath(), {
      args: ["eval", `--allow-read=${dir}`, "--no-prompt", code],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(
      new TextDecoder().decode(o.stdout).trim(),
      "3",
      new TextDecoder().decode(o.stderr),
    );
  } finally {
    await remove(dir);
  }
});
