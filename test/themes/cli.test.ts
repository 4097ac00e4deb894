import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, REPO_ROOT, removeDir } from "../support/server.js";
import { fileCard, fileColumn, workshopDocument } from "../support/workshops.js";

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function concord(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, "bin/concord.js"), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
    });
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

function expectClusterShape(output: unknown, ids: string[], extraKeys: string[] = []) {
  const result = output as {
    themes: { label: string; keyPoints: string[]; cardIds: string[]; confidence: number }[];
    unclustered: string[];
    duplicates: string[][];
  };
  expect(Object.keys(result).sort()).toEqual(["duplicates", ...extraKeys, "themes", "unclustered"].sort());
  for (const theme of result.themes) {
    expect(Object.keys(theme).sort()).toEqual(["cardIds", "confidence", "keyPoints", "label"]);
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
  });

  it("ranks every column for each unclustered card with --place", async () => {
    const run = await concord(["themes", workshopFile, "--place", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      placements: [
        { cardId: "u1", themeIds: ["hours", "parking"], confident: true },
        { cardId: "u2", themeIds: ["parking", "hours"], confident: true },
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

describe("concord themes with SUGGESTIONS_URL", () => {
  let api: Server;
  let url: string;
  const received: { path: string; input: string[] }[] = [];

  beforeAll(async () => {
    // Speaks the OpenAI embeddings API: each text's vector is its topic, one-hot, which no
    // offline model would give: a clustering that follows it came from this server.
    api = createServer((request, response) => {
      let raw = "";
      request.on("data", (chunk) => {
        raw += chunk;
      });
      request.on("end", () => {
        const input = (JSON.parse(raw) as { input: string[] }).input;
        received.push({ path: request.url ?? "", input });
        const topic = (text: string) => (/sunday|hours|open/i.test(text) ? 0 : /parking/i.test(text) ? 1 : 2);
        const data = input.map((text, index) => ({
          index,
          embedding: Array.from({ length: 8 }, (_, k) => (k === topic(text) ? 1 : 0)),
        }));
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ object: "list", data }));
      });
    });
    await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(api.address() as AddressInfo).port}/v1`;
  });

  afterAll(async () => {
    api.closeAllConnections();
    await new Promise((resolve) => api.close(resolve));
  });

  it("embeds the cards there, as the server does, and says on stderr that card texts were sent", async () => {
    const run = await concord(["themes", textFile, "--clusters", "3", "--json"], {
      SUGGESTIONS_URL: url,
      SUGGESTIONS_EMBEDDING_MODEL: "test-embedder",
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("card texts are sent to 127.0.0.1");
    expect(received.map((request) => request.path)).toEqual(["/v1/embeddings"]);
    expect(received[0]?.input).toEqual(expect.arrayContaining(["Open Sundays!", "Wifi is slow"]));
    const result = expectClusterShape(JSON.parse(run.stdout), ["1", "3", "4", "5", "6"], ["model"]);
    expect(JSON.parse(run.stdout).model).toEqual({ sentTo: new URL(url).host });
    expect(result.themes.map((theme) => theme.cardIds.sort()).sort()).toEqual([["1", "3"], ["4", "5"], ["6"]]);
  });

  it("refuses an incomplete setting with exit 2 rather than sending nothing silently", async () => {
    const run = await concord(["themes", textFile, "--json"], { SUGGESTIONS_URL: url });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("SUGGESTIONS_URL needs SUGGESTIONS_EMBEDDING_MODEL");
  });
});
