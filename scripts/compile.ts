/**
 * `npm run build`'s first half: compiles the server, the CLI and the worker threads — every module
 * of src/ but the web app (Vite builds that into dist/web) and the tests — to JavaScript in dist/,
 * file by file, so that dist/ mirrors src/ at the same depth and every relative URL resolves
 * alike from both (`../../dist/web`, a worker's `./reportWorker.js`, the demo's JSON file).
 *
 * esbuild only strips the types (`npm run typecheck` checks them): `isolatedModules` and
 * `verbatimModuleSyntax` make that safe one file at a time. It takes a second or two, where
 * `tsc` emitting the same files took over a minute (docs/architecture.md, "The build").
 */
import { cpSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SRC = join(ROOT, "src");
const DIST = join(ROOT, "dist");

/** Test files and the store's contract suites (which import Vitest) never run in production. */
const isTest = (path: string) => /\.(test|contract)\.ts$/.test(path);

const layers = readdirSync(SRC, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== "web")
  .map((entry) => entry.name);
// A module deleted from src/ must not live on in dist/.
for (const layer of layers) rmSync(join(DIST, layer), { recursive: true, force: true });

const files = layers.flatMap((layer) =>
  readdirSync(join(SRC, layer), { recursive: true, encoding: "utf8" }).map((path) => join(layer, path)),
);
await build({
  absWorkingDir: ROOT,
  entryPoints: files.filter((path) => path.endsWith(".ts") && !isTest(path)).map((path) => join(SRC, path)),
  outbase: SRC,
  outdir: DIST,
  platform: "node",
  format: "esm",
  // The oldest Node.js of package.json's engines: older targets drop the JSON imports' `with { type: "json" }`.
  target: "node20.19",
  // Stack traces name the TypeScript lines (bin/concord.js turns source maps on).
  sourcemap: "linked",
  sourcesContent: false,
  logLevel: "warning",
});
// Data the modules read or import at run time: the demo workshop, the report's phrases.
for (const path of files.filter((file) => file.endsWith(".json"))) cpSync(join(SRC, path), join(DIST, path));
