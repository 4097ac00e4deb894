import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/server/store/sqliteStore.js";
import { cliEnv, runIn } from "../support/cli.js";
import { makeTempDir, REPO_FIXTURE, removeDir } from "../support/server.js";

let dataDir: string;
let filesDir: string;
beforeAll(() => {
  dataDir = makeTempDir();
  filesDir = makeTempDir();
});
afterAll(() => {
  removeDir(dataDir);
  removeDir(filesDir);
});

const concord = (...args: string[]) =>
  runIn(cliEnv({ CONCORD_DATA_DIR: dataDir }), process.execPath, ["bin/concord.js", ...args]);

/** The committed fixture's text with `field` set to `valueText` (raw JSON, which may be too deep to stringify). */
function variant(name: string, field: string, valueText: string): string {
  const doc = JSON.parse(readFileSync(REPO_FIXTURE, "utf8")) as Record<string, unknown>;
  doc[field] = "PLACEHOLDER";
  const path = join(filesDir, `${name}.workshop.json`);
  writeFileSync(path, JSON.stringify(doc, null, 2).replace('"PLACEHOLDER"', valueText));
  return path;
}

async function storedCount(): Promise<number> {
  const store = openSqliteStore(dataDir);
  try {
    return (await store.listWorkshops()).length;
  } finally {
    await store.close();
  }
}

const deep = (levels: number) => `${"[".repeat(levels)}1${"]".repeat(levels)}`;

const refused = [
  {
    name: "a 5,000-deep unknown field",
    file: () => variant("deep-unknown", "junk", deep(5000)),
    line: `junk${"[0]".repeat(63)}: nested too deeply (at most 64 levels)`,
  },
  {
    name: "a 5,000-deep known field",
    file: () => variant("deep-known", "overview", deep(5000)),
    line: `overview${"[0]".repeat(63)}: nested too deeply (at most 64 levels)`,
  },
  {
    name: "an unknown top-level field",
    file: () => variant("unknown", "generator", '"Another tool 2.0"'),
    line: "generator: unknown field",
  },
];

// Each CLI run is a child process that loads TypeScript: slow on a busy machine.
describe("concord validate refuses exactly what concord import refuses", { timeout: 180_000 }, () => {
  it.each(refused)(
    "$name: validate and import both exit 1 with the path, and nothing is stored",
    async ({ file, line }) => {
      const path = file();
      const validated = await concord("validate", path);
      expect(validated.code).toBe(1);
      expect(validated.stderr.split("\n")).toContain(line);

      const imported = await concord("import", path);
      expect(imported.code).toBe(1);
      expect(imported.stderr).toContain("nothing was imported");
      expect(imported.stderr.split("\n")).toContain(line);
      for (const output of [validated.stderr, imported.stderr]) {
        expect(output).not.toMatch(/Maximum call stack|^\s+at /m);
      }
      expect(await storedCount()).toBe(0);
    },
  );

  it("a file just within the depth limit is judged by the schema, not refused for its depth", async () => {
    const path = variant("shallow-enough", "overview", deep(62));
    const validated = await concord("validate", path);
    expect(validated.stderr).toMatch(/^overview: expected string, got array$/m);
  });
});
