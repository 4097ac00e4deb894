#!/usr/bin/env node
// Runs the compiled CLI, dist/cli/main.js, which `npm run build` makes. With CONCORD_FROM_SOURCE=1
// it runs the TypeScript sources through tsx instead (a dev dependency): the tests set it, so that
// they never run a stale build.
import { existsSync } from "node:fs";

if (process.env.CONCORD_FROM_SOURCE === "1") {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
} else {
  const main = new URL("../dist/cli/main.js", import.meta.url);
  if (!existsSync(main)) {
    process.stderr.write("concord: the compiled CLI (dist/cli/main.js) is missing: run `npm run build` first\n");
    process.exit(1);
  }
  // The build writes source maps: a stack trace names the TypeScript file and line.
  process.setSourceMapsEnabled(true);
  await import(main.href);
}
