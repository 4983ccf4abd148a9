/**
 * tmemtop entry point (`deno task monitor`): wiring only. The CLI shell in
 * `cli/` reads the flags and runs the headless mode, `--compare`, `--once`
 * or the dashboard; the dashboard (`tui/`) is handed to it here and loaded
 * only when needed. See README.md (Architecture) for the layers.
 */
import { main } from "./cli/main.ts";

Deno.exit(await main(Deno.args, { dashboard: () => import("./tui/mod.ts") }));
