import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReport } from "../../src/report/render.js";
import { makeTempDir, REPO_ROOT, removeDir } from "../support/server.js";
import { syntheticDocument } from "./syntheticWorkshop.js";

let dir: string;
let file: string;
const doc = syntheticDocument({ themes: 3, cards: 10, language: "fr" });

beforeAll(() => {
  dir = makeTempDir();
  file = join(dir, "atelier.workshop.json");
  writeFileSync(file, JSON.stringify(doc));
});

afterAll(() => removeDir(dir));

/** Runs `concord` as a child process with its store in the test's directory. */
function concord(...args: string[]): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/concord.js", ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, CONCORD_DATA_DIR: join(dir, "data") },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout: Buffer.concat(stdout), stderr }));
  });
}

describe("concord report and export", () => {
  it("`report FILE --out X.pdf` renders the file with no server, the format taken from the extension", async () => {
    const out = join(dir, "report.pdf");
    const result = await concord("report", file, "--out", out);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe("%PDF-");
    expect(result.stderr).toContain(out);
  });

  it("`report FILE --format md` writes the same bytes as the library's render function to standard output", async () => {
    const result = await concord("report", file, "--format", "md");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.toString()).toBe(new TextDecoder().decode((await renderReport(doc, "md")).body));
    expect(result.stdout.toString()).toContain("Préparé pour\u00a0:");
  });

  it("`report FILE --format csv --csv-delimiter ';'` separates with semicolons, as Excel in French expects", async () => {
    const result = await concord("report", file, "--format", "csv", "--csv-delimiter", ";");
    expect(result.code, result.stderr).toBe(0);
    const header = result.stdout
      .toString()
      .replace(/^\uFEFF/, "")
      .split("\r\n")[0];
    expect(header).toBe("Thème;Carte;Point clé");
  });

  it("refuses a CSV separator other than ',' or ';' (exit 2)", async () => {
    const refused = await concord("report", file, "--format", "csv", "--csv-delimiter", "|");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("csv-delimiter");
  });

  it("refuses an invalid file (exit 1, path-named problem) and an unknown format (exit 2)", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ ...doc, language: "de" }));
    const invalid = await concord("report", bad, "--format", "md");
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/^language: /m);
    const unknown = await concord("report", file, "--format", "exe");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("format: one of pdf, docx, html, md, csv, json");
  });

  it("`export ID --format csv|docx` renders a stored workshop through the same function", async () => {
    const imported = await concord("import", file);
    expect(imported.code, imported.stderr).toBe(0);
    const id = imported.stdout.toString().split("\n")[0] ?? "";
    const csv = await concord("export", id, "--format", "csv");
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.toString()).toBe(
      new TextDecoder("utf-8", { ignoreBOM: true }).decode((await renderReport(doc, "csv")).body),
    );
    const out = join(dir, "export.docx");
    const docx = await concord("export", id, "--format", "docx", "--out", out);
    expect(docx.code, docx.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });
});

describe("concord report --ballots", () => {
  const english = syntheticDocument({ themes: 4, cards: 8, language: "en" });
  const themes = english.themes.map((theme) => ({ id: theme.id, name: theme.name }));
  /** Members (4) and Employers (3) show apart; Staff (1) and Retirees (2) only together, as "Other groups". */
  const ballots = [
    ...[[0, 1, 2], [0, 2], [1, 0, 3], [0]].map((places, n) => ({ voter: `m${n}`, group: "Members", places })),
    ...[
      [1, 0],
      [1, 3],
      [2, 1, 0],
    ].map((places, n) => ({ voter: `e${n}`, group: "Employers", places })),
    { voter: "s0", group: "Staff", places: [3, 2] },
    ...[[3], [2, 3]].map((places, n) => ({ voter: `r${n}`, group: "Retirees", places })),
  ].map(({ voter, group, places }) => ({ voter, group, ranking: places.map((place) => themes[place]?.id ?? "") }));

  /** The independent count: with m themes the k-th ranked gets m − k points; rows `| rank | name | points |`. */
  const bordaRows = (groups: string[]) => {
    const points = themes.map((theme, order) => ({
      name: theme.name,
      order,
      points: ballots
        .filter((ballot) => groups.includes(ballot.group))
        .reduce((sum, ballot) => {
          const at = ballot.ranking.indexOf(theme.id);
          return sum + (at < 0 ? 0 : themes.length - 1 - at);
        }, 0),
    }));
    points.sort((a, b) => b.points - a.points || a.order - b.order);
    return points.map((row) => {
      const rank = points.findIndex((other) => other.points === row.points) + 1;
      return `| ${rank} | ${row.name} | ${row.points} |`;
    });
  };
  /** A Markdown block's table rows, without the share column. */
  const rows = (block: string) =>
    [...block.matchAll(/^(\| \d+ \| .+? \| \d+ \|) [^|]+ \|$/gm)].map((match) => match[1] ?? "");

  it("counts a ballots/v1 file into the report's Prioritization section: method, voters, ranks overall and by group, no group under 3 apart", async () => {
    const workshopFile = join(dir, "english.workshop.json");
    writeFileSync(workshopFile, JSON.stringify(english));
    const ballotsFile = join(dir, "english.ballots.json");
    writeFileSync(ballotsFile, JSON.stringify({ format: "ballots/v1", method: "borda", options: themes, ballots }));
    const result = await concord("report", workshopFile, "--ballots", ballotsFile, "--format", "md");
    expect(result.code, result.stderr).toBe(0);
    const markdown = result.stdout.toString();
    const section = markdown.slice(markdown.indexOf("## Prioritization results: ballot"));
    expect(section).toContain("Method: ranking, counted by Borda points · Voters: 10");
    const [overall = "", ...groups] = section.split(/^#### /m);
    expect(rows(overall)).toEqual(bordaRows(["Members", "Employers", "Staff", "Retirees"]));
    expect(groups.map((block) => block.split("\n")[0])).toEqual(["Members", "Employers", "Other groups"]);
    expect(rows(groups[0] ?? "")).toEqual(bordaRows(["Members"]));
    expect(rows(groups[1] ?? "")).toEqual(bordaRows(["Employers"]));
    expect(rows(groups[2] ?? "")).toEqual(bordaRows(["Staff", "Retirees"]));
    expect(section).not.toMatch(/Staff|Retirees/);
    // Without --ballots, no such section.
    const plain = await concord("report", workshopFile, "--format", "md");
    expect(plain.stdout.toString()).not.toContain("## Prioritization results: ballot");
  });

  it("refuses an invalid ballots file whole (exit 1, the bad value named by its path) and writes no report", async () => {
    const workshopFile = join(dir, "english.workshop.json");
    writeFileSync(workshopFile, JSON.stringify(english));
    const bad = join(dir, "bad.ballots.json");
    const wrong = [{ voter: "x", group: "Members", ranking: [themes[0]?.id, "nope"] }];
    writeFileSync(bad, JSON.stringify({ format: "ballots/v1", method: "irv", options: themes, ballots: wrong }));
    const out = join(dir, "not-written.md");
    const refused = await concord("report", workshopFile, "--ballots", bad, "--out", out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ballots[0].ranking[1]: "nope" is not an option');
    expect(existsSync(out)).toBe(false);
  });
});
