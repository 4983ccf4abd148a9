/** tui/format.ts: numbers for narrow table cells, each in its documented width and unit. */
import assert from "node:assert/strict";
import { bytes, count, pct, rate, ratio, simTime } from "../../tui/format.ts";
import { TICK_MS } from "../../tui/constants.ts";

Deno.test("count: plain up to 99999, then k, M, G with one decimal, at most 6 cells", () => {
  const cases: [number, string][] = [
    [0, "0"],
    [7.4, "7"],
    [99_999, "99999"],
    [100_000, "100.0k"],
    [123_456, "123.5k"],
    [999_949, "999.9k"],
    [999_950, "1.0M"],
    [1_234_567, "1.2M"],
    [10_000_000, "10.0M"],
    [999_949_999, "999.9M"],
    [999_950_000, "1.0G"],
    [12_345_678, "12.3M"],
    [10_000_000_000, "10.0G"],
    [999_949_999_999, "999.9G"],
    [-123_456, "-123.5k"],
    [NaN, "-"],
    [Infinity, "-"],
  ];
  for (const [n, s] of cases) assert.equal(count(n), s, String(n));
  for (let e = 0; e < 11; e++) {
    for (const m of [1, 3.3, 9.99, 9.9995, 9.99999]) {
      assert.ok(count(m * 10 ** e).length <= 6, `${m}e${e}: ${count(m * 10 ** e)}`);
    }
  }
});

Deno.test("bytes: binary units B, K (one decimal), M and G (two decimals)", () => {
  const cases: [number, string][] = [
    [0, "0B"],
    [512, "512B"],
    [1023, "1023B"],
    [1024, "1.0K"],
    [12.3 * 1024, "12.3K"],
    [1024 ** 2, "1.00M"],
    [1.2 * 1024 ** 2, "1.20M"],
    [1024 ** 3, "1.00G"],
    [3.5 * 1024 ** 4, "3584.00G"],
    [NaN, "-"],
  ];
  for (const [n, s] of cases) assert.equal(bytes(n), s, String(n));
});

Deno.test("ratio: two decimals and ':1'; '-' for none, zero, negative or infinite", () => {
  assert.equal(ratio(2.714), "2.71:1");
  assert.equal(ratio(1), "1.00:1");
  for (const r of [null, undefined, 0, -1, Infinity, NaN]) assert.equal(ratio(r), "-", String(r));
});

Deno.test("pct: part of whole with one decimal; '-' when whole is 0", () => {
  assert.equal(pct(1, 3), "33.3%");
  assert.equal(pct(0, 5), "0.0%");
  assert.equal(pct(5, 5), "100.0%");
  assert.equal(pct(3, 0), "-");
});

Deno.test("rate: 0, one decimal below 10, whole below 10k, then k and M, at most 5 cells", () => {
  const cases: [number | null, string][] = [
    [0, "0"],
    [3.54, "3.5"],
    [9.94, "9.9"],
    [120.4, "120"],
    [9999, "9999"],
    [12_345, "12.3k"],
    [99_949, "99.9k"],
    [99_950, "100k"],
    [123_456, "123k"],
    [1_234_567, "1.2M"],
    [12_345_678, "12M"],
    [-3.5, "-3.5"],
    [null, "-"],
    [NaN, "-"],
  ];
  for (const [n, s] of cases) assert.equal(rate(n), s, String(n));
  for (let e = 0; e < 9; e++) {
    for (const m of [1, 3.3, 9.9, 9.9995, 9.99999]) {
      assert.ok(rate(m * 10 ** e).length <= 5, `${m}e${e}: ${rate(m * 10 ** e)}`);
    }
  }
});

Deno.test("simTime: seconds with a decimal, then m + padded seconds, then h + padded minutes", () => {
  const ticksFor = (seconds: number) => (seconds * 1000) / TICK_MS;
  assert.equal(simTime(0), "0.0s");
  assert.equal(simTime(ticksFor(12.3)), "12.3s");
  assert.equal(simTime(ticksFor(59.9)), "59.9s");
  assert.equal(simTime(ticksFor(60)), "1m00.0s");
  assert.equal(simTime(ticksFor(245.2)), "4m05.2s");
  assert.equal(simTime(ticksFor(3599)), "59m59.0s");
  assert.equal(simTime(ticksFor(3600)), "1h00m");
  assert.equal(simTime(ticksFor(3720)), "1h02m");
  assert.equal(simTime(ticksFor(36000 + 59 * 60)), "10h59m");
});
