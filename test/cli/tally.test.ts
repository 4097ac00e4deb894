import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliRun, cliEnv, runIn } from "../support/cli.js";
import { makeTempDir, removeDir } from "../support/server.js";
import { type BallotsFile, recount } from "../support/tallyRecount.js";

/** Ballot files written for this file's runs. */
let filesDir: string;

beforeAll(() => {
  filesDir = makeTempDir();
});

afterAll(() => {
  removeDir(filesDir);
});

/** `node bin/concord.js tally …args`, as a child process. */
const tally = (...args: string[]): Promise<CliRun> =>
  runIn(cliEnv({}), process.execPath, ["bin/concord.js", "tally", ...args]);

/** Writes a ballots file and returns its path. */
function ballotsFile(name: string, content: unknown): string {
  const path = join(filesDir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

const OPTIONS = ["a", "b", "c", "d"].map((id) => ({ id, name: id.toUpperCase() }));

/** A file on OPTIONS; invalid ballots too, so they are not typed as valid ones. */
const file = (method: BallotsFile["method"], ballots: object[]): BallotsFile => ({
  format: "ballots/v1",
  method,
  options: OPTIONS,
  ballots: ballots as BallotsFile["ballots"],
});

/** Numbers the voters and puts them in groups in turn. */
const voters = (...votes: object[]) =>
  votes.map((vote, i) => ({ voter: `v${i + 1}`, group: ["Members", "Employers"][i % 2] ?? "", ...vote }));

const FILES = {
  dots: file("dots", voters({ dots: { a: 3, b: 1 } }, { dots: { c: 2, d: 2 } }, { dots: { a: 1, d: 3 } })),
  borda: file(
    "borda",
    voters({ ranking: ["a", "b", "c", "d"] }, { ranking: ["b", "a"] }, { ranking: ["c"] }, { ranking: [] }),
  ),
  // The run-off of src/core/tally/irv.test.ts: c goes on fewer Borda points, d next, then a has 4 of 7.
  irv: file(
    "irv",
    voters(
      ...Array.from({ length: 4 }, () => ({ ranking: ["a", "b"] })),
      ...Array.from({ length: 3 }, () => ({ ranking: ["b", "d"] })),
      { ranking: ["d"] },
      { ranking: ["c", "d"] },
    ),
  ),
  rating: file("rating", voters({ ratings: { a: 5, b: 3 } }, { ratings: { a: 4, b: 5, c: 2 } }, { ratings: { a: 3 } })),
} as const;

// Each case is a child process that loads the whole CLI (about 2 s of CPU): on a busy machine they queue.
describe("concord tally", { timeout: 120_000 }, () => {
  it.concurrent.each(Object.entries(FILES))(
    "--json on a %s file prints the independent recount",
    async (method, content) => {
      const run = await tally(ballotsFile(`${method}.json`, content), "--json");
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const printed = JSON.parse(run.stdout);
      expect(printed).toEqual(recount(content));
      expect(Object.keys(printed)).toEqual(
        method === "irv"
          ? ["method", "ballots", "results", "byGroup", "winner", "rounds"]
          : ["method", "ballots", "results", "byGroup"],
      );
    },
  );

  it.concurrent("--json on the IRV file gives the hand-worked rounds and places", async () => {
    const printed = JSON.parse((await tally(ballotsFile("irv-hand.json", FILES.irv), "--json")).stdout);
    expect(printed.winner).toBe("a");
    expect(printed.rounds).toEqual([
      { counts: { a: 4, b: 3, c: 1, d: 1 }, eliminated: "c" },
      { counts: { a: 4, b: 3, d: 2 }, eliminated: "d" },
      { counts: { a: 4, b: 3 }, winner: "a" },
    ]);
    expect(printed.results.map((result: { id: string }) => result.id)).toEqual(["a", "b", "d", "c"]);
  });

  it.concurrent("prints a dots count as tables, overall then by group", async () => {
    const run = await tally(ballotsFile("dots-table.json", FILES.dots));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        "Dots: 3 ballots, 4 options",
        "",
        "All ballots (3 ballots)",
        "  Rank  Dots  Option",
        "     1     5  D",
        "     2     4  A",
        "     3     2  C",
        "     4     1  B",
        "",
        "Members (2 ballots)",
        "  Rank  Dots  Option",
        "     1     4  A",
        "     2     3  D",
        "     3     1  B",
        "     4     0  C",
        "",
        "Employers (1 ballot)",
        "  Rank  Dots  Option",
        "     1     2  C",
        "     1     2  D",
        "     3     0  A",
        "     3     0  B",
        "",
      ].join("\n"),
    );
  });

  it.concurrent("prints an IRV count with its winner and each round", async () => {
    const run = await tally(ballotsFile("irv-table.json", FILES.irv));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Instant run-off: 9 ballots, 4 options");
    expect(run.stdout).toContain(
      [
        "  Winner: A",
        "  Round 1: A 4, B 3, C 1, D 1; C eliminated",
        "  Round 2: A 4, B 3, D 2; D eliminated",
        "  Round 3: A 4, B 3; A wins",
      ].join("\n"),
    );
  });

  it.concurrent("prints rating means with two decimals, and a dash for an option nobody rated", async () => {
    const run = await tally(ballotsFile("rating-table.json", FILES.rating));
    expect(run.stdout).toContain(
      ["  Rank  Mean  Option", "     1  4.00  A", "     1  4.00  B", "     3  2.00  C", "     4     –  D"].join("\n"),
    );
  });

  // Each file has a valid ballot before the bad one: the whole file is refused all the same.
  const INVALID = [
    [
      "a repeated id in a ranking",
      file("irv", voters({ ranking: ["a"] }, { ranking: ["b", "a", "b"] })),
      'ballots[1].ranking[2]: "b" is ranked twice',
    ],
    [
      "an unknown id in a ranking",
      file("borda", voters({ ranking: ["a"] }, { ranking: ["z"] })),
      'ballots[1].ranking[0]: "z" is not an option',
    ],
    [
      "a negative dot count",
      file("dots", voters({ dots: { a: 1 } }, { dots: { b: -2 } })),
      "ballots[1].dots.b: must be at least 0",
    ],
    [
      "a fractional dot count",
      file("dots", voters({ dots: { a: 1 } }, { dots: { c: 0.5 } })),
      "ballots[1].dots.c: must be a whole number",
    ],
    [
      "an unknown id in dots",
      file("dots", voters({ dots: { a: 1 } }, { dots: { e: 1 } })),
      'ballots[1].dots.e: "e" is not an option',
    ],
    [
      "a rating of 0",
      file("rating", voters({ ratings: { a: 1 } }, { ratings: { a: 0 } })),
      "ballots[1].ratings.a: must be at least 1",
    ],
    [
      "a rating of 6",
      file("rating", voters({ ratings: { a: 1 } }, { ratings: { d: 6 } })),
      "ballots[1].ratings.d: must be at most 5",
    ],
    [
      "an unknown id in ratings",
      file("rating", voters({ ratings: { a: 1 } }, { ratings: { e: 3 } })),
      'ballots[1].ratings.e: "e" is not an option',
    ],
  ] as const;

  it.concurrent.each(INVALID)(
    "refuses a file with %s, exit 1, naming the path of the bad value",
    async (name, content, line) => {
      const path = ballotsFile(`invalid-${name.replaceAll(" ", "-")}.json`, content);
      const run = await tally(path, "--json");
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(`concord: ${path} is not a valid ballots/v1 file; nothing was counted:\n${line}\n`);
    },
  );

  it.concurrent("says which file it cannot read (exit 1) and asks for one when none is given (exit 2)", async () => {
    const missing = await tally(join(filesDir, "absent.json"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("cannot read");
    const none = await tally();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("expected exactly one FILE");
  });

  it.concurrent("is listed in --help", async () => {
    const help = await runIn(cliEnv({}), process.execPath, ["bin/concord.js", "--help"]);
    expect(help.stdout).toMatch(/^\s+tally FILE \[--json\]/m);
  });
});
