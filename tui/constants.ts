/**
 * The constants of the core the dashboard reads (beside snapshots): the one
 * place tui/ imports from src/ for anything but types.
 */
import { BACKEND_CATALOG } from "../src/backends/catalog.ts";
import type { FormBackend } from "./register_form.ts";
export { TICK_MS } from "../src/constants.ts";
export { BACKEND_KINDS as BACKEND_CHOICES } from "../src/backends/catalog.ts";
export { PAGE_SIZE } from "../src/content.ts";

/**
 * The backends the register form offers, with their options: the backends
 * catalog itself (one description and option list for the parser, the help
 * and the form).
 */
export const BACKEND_FORM: readonly FormBackend[] = BACKEND_CATALOG;
