import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/server/store/sqliteStore.js";
import { cliEnv, runIn } from "../support/cli.js";
import {
  HAS_REFERENCE_EXAMPLE,
  makeTempDir,
  needsReferenceExample,
  REFERENCE_EXAMPLE,
  REPO_FIXTURE,
  readJson,
  removeDir,
} from "../support/server.js";

/** A store directory shared by the tests of this file; each CLI call is a real child process. */
let dataDir: string;
/** Scratch files (spoilt variants, export targets). */
let filesDir: string;

beforeAll(() => {
  dataDir = makeTempDir();
  filesDir = makeTempDir();
});

afterAll(() => {
  removeDir(dataDir);
  removeDir(filesDir);
});

/** A CLI run against this file's store. */
const run = (command: string, args: string[]) => runIn(cliEnv({ CONCORD_DATA_DIR: dataDir }), command, args);

/** `node bin/concord.js …args` */
const concord = (...args: string[]) => run(process.execPath, ["bin/concord.js", ...args]);

/** Writes a scratch file and returns its path. */
function scratch(name: string, content: string): string {
  const path = join(filesDir, name);
  writeFileSync(path, content);
  return path;
}

/** The workshops in the test store, read directly from SQLite. */
async function storedWorkshopIds(): Promise<string[]> {
  const store = openSqliteStore(dataDir);
  try {
    return (await store.listWorkshops()).map((workshop) => workshop.id).sort();
  } finally {
    await store.close();
  }
}

/** The examples to round-trip: the reference (when `../shared` is present) and a committed French one. */
const EXAMPLES = [
  ...(HAS_REFERENCE_EXAMPLE ? [{ name: "the reference example", path: REFERENCE_EXAMPLE }] : []),
  { name: "the French fixture", path: REPO_FIXTURE },
];

describe("concord CLI", () => {
  it.skipIf(!HAS_REFERENCE_EXAMPLE)(needsReferenceExample("round-trips the reference example"), () => {
    expect(EXAMPLES.map((example) => example.path)).toContain(REFERENCE_EXAMPLE);
  });

  it("--help lists serve, import, export and validate", async () => {
    const help = await concord("--help");
    expect(help.code).toBe(0);
    for (const command of ["serve", "import", "export", "validate"]) {
      expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
    }
  });

  describe("validate", () => {
    it.concurrent.each(EXAMPLES)("exits 0 for $name", async ({ path }) => {
      const result = await concord("validate", path);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("valid workshop/v1");
    });

    // Each variant spoils one thing in an otherwise valid example; the message must name where.
    type Doc = {
      format: string;
      themes: { id: string; cards: { id: string; text: string }[] }[];
      [key: string]: unknown;
    };
    const base = (): Doc => readJson(EXAMPLES[0]?.path ?? REPO_FIXTURE) as Doc;
    const spoil = (change: (doc: Doc) => void) => {
      const doc = base();
      change(doc);
      return `${JSON.stringify(doc, null, 2)}\n`;
    };
    const firstCard = () => base().themes[0]?.cards[0];
    const variants: { name: string; content: () => string; expected: () => RegExp }[] = [
      {
        name: "a missing field",
        content: () =>
          spoil((doc) => {
            delete doc.goal;
          }),
        expected: () => /^goal: required$/m,
      },
      {
        name: "a field of the wrong type",
        content: () =>
          spoil((doc) => {
            doc.heldOn = 20240128;
          }),
        expected: () => /^heldOn: expected string, got number$/m,
      },
      {
        name: "a duplicate card id",
        content: () =>
          spoil((doc) => {
            const theme = doc.themes[0];
            if (theme?.cards[1] && theme.cards[0]) theme.cards[1].id = theme.cards[0].id;
          }),
        expected: () => new RegExp(`^themes\\[0\\]\\.cards\\[1\\]\\.id: duplicate card id "${firstCard()?.id}"$`, "m"),
      },
      {
        name: "a card in two themes",
        content: () =>
          spoil((doc) => {
            const card = doc.themes[0]?.cards[0];
            if (card) doc.themes[1]?.cards.push({ ...card });
          }),
        expected: () => {
          const doc = base();
          const index = doc.themes[1]?.cards.length;
          return new RegExp(
            `^themes\\[1\\]\\.cards\\[${index}\\]\\.id: card "${firstCard()?.id}" is in two themes \\("${doc.themes[0]?.id}" and "${doc.themes[1]?.id}"\\)$`,
            "m",
          );
        },
      },
      {
        name: "an unknown format",
        content: () =>
          spoil((doc) => {
            doc.format = "workshop/v2";
          }),
        expected: () => /^format: must be "workshop\/v1"$/m,
      },
      {
        name: "malformed JSON",
        content: () => readFileSync(EXAMPLES[0]?.path ?? REPO_FIXTURE, "utf8").slice(0, 200),
        expected: () => /^\(root\): malformed JSON\b/m,
      },
    ];

    it.concurrent.each(variants)("exits 1 naming the path for $name", async ({ name, content, expected }) => {
      const file = scratch(`${name.replaceAll(" ", "-")}.workshop.json`, content());
      const result = await concord("validate", file);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(`${file} is not a valid workshop/v1 file:`);
      expect(result.stderr).toMatch(expected());
      expect(result.stderr).not.toMatch(/^\s+at /m);
    });
  });

  describe("import and export", () => {
    const imported = new Map<string, string>();

    beforeAll(async () => {
      // Two processes writing one SQLite file at once is supported (WAL, busy timeout): do it.
      const results = await Promise.all(EXAMPLES.map((example) => concord("import", example.path)));
      results.forEach((result, index) => {
        const path = EXAMPLES[index]?.path ?? "";
        if (result.code !== 0) throw new Error(`import of ${path} failed:\n${result.stderr}`);
        imported.set(path, result.stdout);
      });
    });

    const idOf = (path: string) => imported.get(path)?.split("\n")[0] ?? "";

    it.each(EXAMPLES)("import of $name prints the id on line 1 and its URL on line 2", ({ path }) => {
      const id = idOf(path);
      expect(id).toMatch(/^\S+$/);
      expect(imported.get(path)).toBe(`${id}\nhttp://localhost:4321/w/${id}\n`);
    });

    it.concurrent.each(EXAMPLES)(
      "`export ID --format json` of $name prints the imported document",
      async ({ path }) => {
        const result = await concord("export", idOf(path), "--format", "json");
        expect(result.code, result.stderr).toBe(0);
        const exported = JSON.parse(result.stdout) as object;
        const original = readJson(path) as object;
        expect(exported).toStrictEqual(original);
        expect(Object.keys(exported)).toEqual(Object.keys(original));
      },
    );

    it.concurrent.each(EXAMPLES)(
      "`export ID --out FILE` of $name writes the imported document",
      async ({ name, path }) => {
        const out = join(filesDir, `${name.replaceAll(" ", "-")}.export.json`);
        const result = await concord("export", idOf(path), "--format", "json", "--out", out);
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toBe("");
        expect(result.stderr).toContain(out);
        expect(JSON.parse(readFileSync(out, "utf8"))).toStrictEqual(readJson(path));
      },
    );

    it("the store holds exactly the imported workshops", async () => {
      expect(await storedWorkshopIds()).toEqual(EXAMPLES.map((example) => idOf(example.path)).sort());
    });

    it("an invalid import exits 1, names the problem and writes nothing", async () => {
      const before = await storedWorkshopIds();
      const file = scratch(
        "invalid-import.workshop.json",
        JSON.stringify({ ...(readJson(REPO_FIXTURE) as object), language: "de" }),
      );
      const result = await concord("import", file);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("nothing was imported");
      expect(result.stderr).toMatch(/^language: /m);
      expect(await storedWorkshopIds()).toEqual(before);
    });

    it("export of an unknown id exits non-zero with a clear message", async () => {
      const result = await concord("export", "no-such-workshop", "--format", "json");
      expect(result.code).not.toBe(0);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/^concord: .*no-such-workshop/);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    });
  });

  it("runs through the npm script", async () => {
    const result = await run("npm", ["run", "--silent", "concord", "--", "validate", REPO_FIXTURE]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${REPO_FIXTURE}: valid workshop/v1 (4 themes, 22 cards)\n`);
  });
});
