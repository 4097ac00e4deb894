import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, REPO_ROOT, removeDir } from "../support/server.js";
import { fileCard, fileColumn, workshopDocument } from "../support/workshops.js";

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function concord(args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, "bin/concord.js"), ...args], { cwd: REPO_ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const card = fileCard;

/** A small workshop/v1 file: two columns built so far and two cards on the pile. */
const WORKSHOP = workshopDocument({
  title: "Branch library planning",
  themes: [
    fileColumn("hours", "", [card("a1", "More Sunday hours"), card("a2", "Open later on weekday evenings")]),
    fileColumn("parking", "Parking", [
      card("b1", "Fix the parking lot potholes"),
      card("b2", "Parking lot needs repaving"),
    ]),
  ],
  unclusteredCards: [card("u1", "Open Sundays!"), card("u2", "More parking spaces")],
});

let dir: string;
let workshopFile: string;
let textFile: string;

beforeAll(() => {
  dir = makeTempDir();
  workshopFile = join(dir, "workshop.json");
  textFile = join(dir, "cards.txt");
  writeFileSync(workshopFile, JSON.stringify(WORKSHOP));
  writeFileSync(
    textFile,
    "More Sunday hours\n\nOpen Sundays!\nFix the parking lot\nmore parking spaces\nWifi is slow\n",
  );
});

afterAll(() => removeDir(dir));

function expectClusterShape(output: unknown, ids: string[]) {
  const result = output as {
    themes: { label: string; keyPoints: string[]; cardIds: string[] }[];
    unclustered: string[];
    duplicates: string[][];
  };
  expect(Object.keys(result).sort()).toEqual(["duplicates", "themes", "unclustered"]);
  for (const theme of result.themes) {
    expect(Object.keys(theme).sort()).toEqual(["cardIds", "keyPoints", "label"]);
    expect(typeof theme.label).toBe("string");
  }
  for (const pair of result.duplicates) expect(pair).toHaveLength(2);
  expect([...result.themes.flatMap((theme) => theme.cardIds), ...result.unclustered].sort()).toEqual([...ids].sort());
  return result;
}

describe("concord themes", () => {
  it("suggests columns for every card of a workshop/v1 file, ignoring its own columns", async () => {
    const run = await concord(["themes", workshopFile, "--json"]);
    expect(run.code).toBe(0);
    expectClusterShape(JSON.parse(run.stdout), ["a1", "a2", "b1", "b2", "u1", "u2"]);
  });

  it("reads a text file with one card per line, numbering cards by line and skipping blanks", async () => {
    const run = await concord(["themes", textFile, "--clusters", "2", "--json"]);
    expect(run.code).toBe(0);
    const result = expectClusterShape(JSON.parse(run.stdout), ["1", "3", "4", "5", "6"]);
    expect(result.themes).toHaveLength(2);
    expect(result.duplicates).toContainEqual(["1", "3"]);
  });

  it("ranks every column for each unclustered card with --place", async () => {
    const run = await concord(["themes", workshopFile, "--place", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      placements: [
        { cardId: "u1", themeIds: ["hours", "parking"] },
        { cardId: "u2", themeIds: ["parking", "hours"] },
      ],
    });
  });

  it("prints a readable listing without --json, and refuses misuse with exit 2", async () => {
    const [listing, place, zero] = await Promise.all([
      concord(["themes", textFile]),
      concord(["themes", textFile, "--place"]),
      concord(["themes", textFile, "--clusters", "0"]),
    ]);
    expect(listing.code).toBe(0);
    expect(listing.stdout).toMatch(/suggested columns for 5 cards/);
    expect(place.code).toBe(2);
    expect(place.stderr).toMatch(/--place needs a workshop\/v1 file/);
    expect(zero.code).toBe(2);
  });
});
