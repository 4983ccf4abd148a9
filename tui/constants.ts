/**
 * The constants of the core the dashboard reads (beside snapshots): the one
 * place tui/ imports from src/ for anything but types.
 */
export { TICK_MS } from "../src/constants.ts";
export { BACKEND_KINDS as BACKEND_CHOICES } from "../src/backends/catalog.ts";
export { PAGE_SIZE } from "../src/content.ts";
