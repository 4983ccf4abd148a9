/** The page allocator (src/backends/alloc/page.ts): one object per frame. */
import { PageAllocator } from "../../../src/backends/alloc/mod.ts";
import { exercise } from "../../helpers/alloc_exercise.ts";

Deno.test("page allocator: random alloc/free never overlaps objects", () =>
  exercise(() => new PageAllocator()));
